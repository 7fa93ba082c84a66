/**
 * How other modules plug into the engine process without the engine depending on them: {@code ServiceLoader}
 * extensions with their own configuration keys, operator lines and subcommands.
 */
package org.mmwinter.engine.extension;
