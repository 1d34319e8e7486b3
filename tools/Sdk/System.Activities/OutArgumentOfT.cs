namespace System.Activities;

public sealed class OutArgument<T> : OutArgument
{
    public OutArgument()
    {
        ArgumentType = typeof(T);
    }

    internal override object DefaultValue => default(T);

    public new T Get(ActivityContext context) => context.GetValue(this);

    public void Set(ActivityContext context, T value) => context.SetValue(this, value);
}
