using System.Collections.Generic;
using System.Linq;

namespace System.Activities;

/// <summary>What a running activity sees: its argument values and the host's extensions.</summary>
public class ActivityContext
{
    private readonly Dictionary<Argument, object> _values = new Dictionary<Argument, object>();
    private readonly IReadOnlyList<object> _extensions;

    internal ActivityContext(IReadOnlyList<object> extensions)
    {
        _extensions = extensions;
        ActivityInstanceId = "1";
        WorkflowInstanceId = Guid.NewGuid();
    }

    public string ActivityInstanceId { get; }

    public Guid WorkflowInstanceId { get; }

    /// <summary>The first host extension assignable to <typeparamref name="T"/>, or null (as in .NET Framework).</summary>
    public T GetExtension<T>() where T : class
    {
        return _extensions.OfType<T>().FirstOrDefault();
    }

    public object GetValue(Argument argument)
    {
        if (argument == null)
        {
            throw new ArgumentNullException(nameof(argument));
        }

        return _values.TryGetValue(argument, out object value) ? value : argument.DefaultValue;
    }

    public T GetValue<T>(InArgument<T> argument) => (T)GetValue((Argument)argument);

    public T GetValue<T>(OutArgument<T> argument) => (T)GetValue((Argument)argument);

    public T GetValue<T>(InOutArgument<T> argument) => (T)GetValue((Argument)argument);

    public void SetValue(Argument argument, object value)
    {
        if (argument == null)
        {
            throw new ArgumentNullException(nameof(argument));
        }

        _values[argument] = value;
    }

    public void SetValue<T>(InArgument<T> argument, T value) => SetValue((Argument)argument, value);

    public void SetValue<T>(OutArgument<T> argument, T value) => SetValue((Argument)argument, value);

    public void SetValue<T>(InOutArgument<T> argument, T value) => SetValue((Argument)argument, value);
}
