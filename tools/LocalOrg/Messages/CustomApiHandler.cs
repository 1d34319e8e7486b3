using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>
/// A custom API of the solution: request parameters are checked against its definition (required ones present, each of
/// the declared type, no undeclared ones), its plug-in type runs as the main operation (stage 30) and the response
/// carries the output parameters it set. Steps registered on the message run around it like any other message.
/// </summary>
internal sealed class CustomApiHandler : IMessageHandler
{
    private readonly CustomApiDefinition _api;

    public CustomApiHandler(CustomApiDefinition api) { _api = api; }

    public bool IsWrite => !_api.IsFunction;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op)
    {
        foreach (var parameter in _api.RequestParameters)
        {
            if (!op.Input.TryGetValue(parameter.UniqueName, out var value) || value is null)
            {
                if (!parameter.IsOptional) throw Faults.Missing(parameter.UniqueName);
                continue;
            }
            if (!Matches(parameter.Type, value))
                throw Faults.Invalid($"The parameter '{parameter.UniqueName}' of '{_api.UniqueName}' must be of type {TypeName(parameter.Type)}, not {value.GetType().Name}.");
            if (parameter.Type == 3 && parameter.LogicalEntityName is { Length: > 0 } expected && value is Entity e && e.LogicalName != expected)
                throw Faults.Invalid($"The parameter '{parameter.UniqueName}' of '{_api.UniqueName}' must be a {expected} record, not {e.LogicalName}.");
        }
        foreach (var name in op.Input.Keys)
        {
            if (name == "Target" && _api.BindingType != 0) continue;
            if (_api.RequestParameters.All(p => p.UniqueName != name))
                throw Faults.Invalid($"The parameter '{name}' is not a parameter of the message '{_api.UniqueName}'.");
        }
        if (_api.BindingType == 1)
        {
            var target = op.Required<EntityReference>("Target");
            op.SetPrimary(_api.BoundEntityLogicalName ?? target.LogicalName, target.Id);
        }
        else
        {
            op.SetPrimary("none", Guid.Empty);
        }
    }

    /// <summary>The caller must hold the API's executeprivilegename, if it has one.</summary>
    public void Authorize(Operation op)
    {
        if (!string.IsNullOrWhiteSpace(_api.ExecutePrivilegeName)) op.Org.Guard.CheckPrivilege(op, _api.ExecutePrivilegeName!.Trim());
    }

    public void Execute(Operation op)
    {
        if (string.IsNullOrEmpty(_api.PluginTypeName)) return; // a custom API without a main operation only runs its steps
        op.Org.StepRunner.RunMainOperation(_api.UniqueName, _api.PluginTypeName!, op.Context, op.Transaction);
    }

    private static bool Matches(int type, object value) => type switch
    {
        0 => value is bool,
        1 => value is DateTime,
        2 => value is decimal,
        3 => value is Entity,
        4 => value is EntityCollection,
        5 => value is EntityReference,
        6 => value is double,
        7 => value is int,
        8 => value is Money,
        9 => value is OptionSetValue,
        10 => value is string,
        11 => value is string[],
        12 => value is Guid,
        _ => true,
    };

    private static string TypeName(int type) => type switch
    {
        0 => "Boolean", 1 => "DateTime", 2 => "Decimal", 3 => "Entity", 4 => "EntityCollection", 5 => "EntityReference",
        6 => "Float", 7 => "Integer", 8 => "Money", 9 => "Picklist", 10 => "String", 11 => "StringArray", 12 => "Guid",
        _ => type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
