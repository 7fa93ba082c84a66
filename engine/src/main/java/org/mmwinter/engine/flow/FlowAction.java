package org.mmwinter.engine.flow;

import org.mmwinter.engine.message.CommandType;

/**
 * The actions of the order-flow CSV contract, as words: each names the {@link CommandType} of the same code.
 */
public final class FlowAction
{
    public static final int NEW = CommandType.NEW;
    public static final int CANCEL = CommandType.CANCEL;
    public static final int AMEND = CommandType.AMEND;
    public static final int MASS_CANCEL = CommandType.MASS_CANCEL;

    private FlowAction()
    {
    }

    public static String name(final int action)
    {
        return CommandType.isOrderFlow(action) ? CommandType.name(action) : "?";
    }
}
