package org.mmwinter.engine.flow;

/**
 * The order-flow commands of the CSV contract.
 */
public final class FlowAction
{
    public static final int NEW = 1;
    public static final int CANCEL = 2;
    public static final int AMEND = 3;
    public static final int MASS_CANCEL = 4;

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
        switch (action)
        {
            case NEW: return "NEW";
            case CANCEL: return "CANCEL";
            case AMEND: return "AMEND";
            case MASS_CANCEL: return "MASS_CANCEL";
            default: return "?";
        }
    }
}
