using System.Activities.Hosting;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace System.Activities;

/// <summary>
/// Runs an activity synchronously, as .NET Framework's WorkflowInvoker does: inputs are bound by argument (property)
/// name and must fit the argument's type (else ArgumentException, before the activity runs), the activity's own
/// exception propagates unchanged, and the result holds every Out/InOut argument by name.
/// </summary>
public sealed class WorkflowInvoker
{
    private readonly Activity _workflow;

    public WorkflowInvoker(Activity workflow)
    {
        _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
        Extensions = new WorkflowInstanceExtensionManager();
    }

    public WorkflowInstanceExtensionManager Extensions { get; }

    public static IDictionary<string, object> Invoke(Activity workflow) => new WorkflowInvoker(workflow).Invoke();

    public static IDictionary<string, object> Invoke(Activity workflow, IDictionary<string, object> inputs) =>
        new WorkflowInvoker(workflow).Invoke(inputs);

    public static TResult Invoke<TResult>(Activity<TResult> workflow) => Invoke(workflow, new Dictionary<string, object>());

    public static TResult Invoke<TResult>(Activity<TResult> workflow, IDictionary<string, object> inputs)
    {
        IDictionary<string, object> outputs = new WorkflowInvoker(workflow).Invoke(inputs);
        return (TResult)outputs["Result"];
    }

    public IDictionary<string, object> Invoke() => Invoke(new Dictionary<string, object>());

    public IDictionary<string, object> Invoke(IDictionary<string, object> inputs)
    {
        Dictionary<string, Argument> arguments = ArgumentsOf(_workflow);
        var context = new CodeActivityContext(Extensions.CreateForRun());
        foreach (KeyValuePair<string, object> input in inputs ?? new Dictionary<string, object>())
        {
            if (!arguments.TryGetValue(input.Key, out Argument argument) || argument.Direction == ArgumentDirection.Out)
            {
                throw new ArgumentException(
                    "The values provided for the root activity's arguments did not satisfy the root activity's requirements: " +
                    "'" + _workflow.DisplayName + "' has no In or InOut argument named '" + input.Key + "'.", nameof(inputs));
            }

            if (!Accepts(argument.ArgumentType, input.Value))
            {
                throw new ArgumentException(
                    "'" + _workflow.DisplayName + "' argument '" + input.Key + "' takes a " + argument.ArgumentType + ", not "
                    + (input.Value == null ? "null" : "a " + input.Value.GetType()) + ".", nameof(inputs));
            }

            context.SetValue(argument, input.Value);
        }

        _workflow.InternalExecute(context);

        return arguments
            .Where(pair => pair.Value.Direction != ArgumentDirection.In)
            .ToDictionary(pair => pair.Key, pair => context.GetValue(pair.Value));
    }

    private static bool Accepts(Type argumentType, object value) =>
        value == null ? !argumentType.IsValueType || Nullable.GetUnderlyingType(argumentType) != null : argumentType.IsInstanceOfType(value);

    private static Dictionary<string, Argument> ArgumentsOf(Activity activity)
    {
        var arguments = new Dictionary<string, Argument>();
        foreach (PropertyInfo property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (typeof(Argument).IsAssignableFrom(property.PropertyType) && property.GetIndexParameters().Length == 0
                && property.GetValue(activity) is Argument argument)
            {
                arguments[property.Name] = argument;
            }
        }

        return arguments;
    }
}
