namespace System.Activities;

/// <summary>An activity argument; its value lives in the ActivityContext of the running activity.</summary>
public abstract class Argument
{
    internal Argument()
    {
    }

    public Type ArgumentType { get; internal set; }

    public ArgumentDirection Direction { get; internal set; }

    /// <summary>The value used when the host did not bind one (a constant for InArgument, default(T) otherwise).</summary>
    internal abstract object DefaultValue { get; }

    public object Get(ActivityContext context) => context.GetValue(this);

    public T Get<T>(ActivityContext context) => (T)context.GetValue(this);

    public void Set(ActivityContext context, object value) => context.SetValue(this, value);
}
