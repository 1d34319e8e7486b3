namespace System.Activities;

public abstract class InOutArgument : Argument
{
    internal InOutArgument()
    {
        Direction = ArgumentDirection.InOut;
    }
}
