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

    /**
     * @return the action or 0 when the text names none.
     */
    public static int parse(final String text)
    {
        switch (text)
        {
            case "NEW": return NEW;
            case "CANCEL": return CANCEL;
            case "AMEND": return AMEND;
            case "MASS_CANCEL": return MASS_CANCEL;
            default: return 0;
        }
    }

    public static String name(final int action)
    {
        return CommandType.isOrderFlow(action) ? CommandType.name(action) : "?";
    }
}
