using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadLifecycle.LocalOrg.Workflows;

/// <summary>
/// Compiles the XAML of a classic (background) workflow, as the Dataverse process designer writes it, into instructions.
/// Supported: the designer's containers (mxswa:Workflow, Sequence, StepComposite/Composite activity references),
/// mxswa:GetEntityProperty of the primary entity, EvaluateExpression (CreateCrmType, SelectFirstNonNull), mxswa:Postpone
/// (a "wait until" timeout on a date column), the "Check condition" construct for "contains data" / "does not contain
/// data" (ConditionSequence with Wait False, EvaluateCondition NotNull / Null, ConditionBranch with Then and Else) and
/// mxswa:ActivityReference to a custom workflow activity. Any other step is refused with its name, so a workflow is
/// never run half-understood.
/// </summary>
internal static partial class WorkflowXamlCompiler
{
    private const string ActivitiesNs = "clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow";
    private const string XamlNs = "http://schemas.microsoft.com/winfx/2006/xaml";
    private const string PlatformActivities = "Microsoft.Crm.Workflow.Activities.";

    public static IReadOnlyList<WorkflowInstruction> Compile(string xaml, string workflowName)
    {
        var document = XDocument.Parse(xaml);
        var root = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Workflow" && IsActivitiesNamespace(e.Name.NamespaceName))
                   ?? throw new InvalidOperationException($"Workflow '{workflowName}': the XAML has no mxswa:Workflow element.");
        var instructions = new List<WorkflowInstruction>();
        foreach (var child in root.Elements()) Visit(child, instructions, workflowName);
        return instructions;
    }

    private static void Visit(XElement element, List<WorkflowInstruction> output, string workflow)
    {
        if (element.Name.NamespaceName == XamlNs) return; // property values such as <x:Boolean x:Key="ContainsElseBranch">
        var name = element.Name.LocalName;
        var display = (string?)element.Attribute("DisplayName") ?? name;
        if (name.Contains('.', StringComparison.Ordinal)) // property elements: Sequence.Variables, ActivityReference.Properties, ...
        {
            if (name.EndsWith(".Properties", StringComparison.Ordinal) || name.EndsWith(".Activities", StringComparison.Ordinal))
                foreach (var child in element.Elements()) Visit(child, output, workflow);
            return;
        }
        switch (name)
        {
            case "Sequence":
            case "Collection":
                if (name == "Collection" && (string?)element.Attribute(XName.Get("Key", XamlNs)) == "Variables") return;
                foreach (var child in element.Elements()) Visit(child, output, workflow);
                return;
            case "Variable":
                return;
            case "GetEntityProperty":
                RequirePrimaryEntity(element, workflow);
                output.Add(new ReadPrimaryProperty(display, Required(element, "Attribute", workflow), VariableOf((string?)element.Attribute("Value"), workflow),
                    TargetTypeOf(element)));
                return;
            case "Postpone":
                output.Add(new PostponeUntil(display, VariableOf((string?)element.Attribute("PostponeUntil"), workflow)));
                return;
            case "ActivityReference":
                ActivityReference(element, display, output, workflow);
                return;
            default:
                throw new NotSupportedException($"Workflow '{workflow}': the step '{display}' ({name}) is not supported by the local organization.");
        }
    }

    private static void ActivityReference(XElement element, string display, List<WorkflowInstruction> output, string workflow)
    {
        var qualifiedName = Required(element, "AssemblyQualifiedName", workflow);
        var typeName = qualifiedName.Split(',')[0].Trim();
        var arguments = element.Elements().Where(e => e.Name.LocalName == "ActivityReference.Arguments").SelectMany(e => e.Elements()).ToList();
        if (typeName.StartsWith(PlatformActivities, StringComparison.Ordinal))
        {
            var platformActivity = typeName.Substring(PlatformActivities.Length);
            switch (platformActivity)
            {
                case "StepComposite":
                case "Composite":
                    foreach (var child in element.Elements()) Visit(child, output, workflow);
                    return;
                case "ConditionSequence":
                    // Wait True makes it a "Wait condition" (wait until the condition holds), which is not modelled.
                    if (string.Equals(ArgumentText(arguments, "Wait"), "True", StringComparison.OrdinalIgnoreCase))
                        throw new NotSupportedException($"Workflow '{workflow}': the wait condition '{display}' is not supported by the local organization.");
                    foreach (var child in element.Elements()) Visit(child, output, workflow);
                    return;
                case "EvaluateCondition":
                    output.Add(Condition(arguments, display, workflow));
                    return;
                case "ConditionBranch":
                    Branch(element, arguments, display, output, workflow);
                    return;
                case "EvaluateExpression":
                    output.Add(Expression(arguments, display, workflow));
                    return;
                default:
                    throw new NotSupportedException($"Workflow '{workflow}': the platform step '{display}' ({platformActivity}) is not supported by the local organization.");
            }
        }
        var inputs = new Dictionary<string, ArgumentSource>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var key = (string?)argument.Attribute(XName.Get("Key", XamlNs)) ?? throw new InvalidOperationException($"Workflow '{workflow}': an argument of '{display}' has no x:Key.");
            var text = argument.Value.Trim();
            if (argument.Name.LocalName == "OutArgument") outputs[key] = VariableOf(text, workflow);
            else inputs[key] = Source(text);
        }
        output.Add(new RunCustomActivity(display, typeName, inputs, outputs));
    }

    /// <summary>The designer's "contains data" (NotNull) / "does not contain data" (Null) test on a variable.</summary>
    private static WorkflowInstruction Condition(List<XElement> arguments, string display, string workflow)
    {
        var op = ArgumentText(arguments, "ConditionOperator");
        if (op is not ("NotNull" or "Null"))
            throw new NotSupportedException($"Workflow '{workflow}': the condition operator '{op}' in '{display}' is not supported by the local organization.");
        return new CheckContainsData(display,
            VariableOf(ArgumentText(arguments, "Operand"), workflow), op == "NotNull", VariableOf(ArgumentText(arguments, "Result"), workflow));
    }

    /// <summary>ConditionBranch: the Then body, then (when the Else is not x:Null) a jump over the Else body.</summary>
    private static void Branch(XElement element, List<XElement> arguments, string display, List<WorkflowInstruction> output, string workflow)
    {
        var condition = VariableOf(ArgumentText(arguments, "Condition"), workflow);
        var properties = element.Elements().Where(e => e.Name.LocalName == "ActivityReference.Properties").SelectMany(e => e.Elements()).ToList();
        XElement? Body(string key) => properties.FirstOrDefault(p => (string?)p.Attribute(XName.Get("Key", XamlNs)) == key && p.Name.NamespaceName != XamlNs);

        var branchAt = output.Count;
        output.Add(new BranchUnless(display, condition, -1));
        if (Body("Then") is { } then) Visit(then, output, workflow);
        if (Body("Else") is { } otherwise)
        {
            var jumpAt = output.Count;
            output.Add(new JumpTo(display, -1));
            output[branchAt] = new BranchUnless(display, condition, output.Count);
            Visit(otherwise, output, workflow);
            output[jumpAt] = new JumpTo(display, output.Count);
        }
        else
        {
            output[branchAt] = new BranchUnless(display, condition, output.Count);
        }
    }

    private static string? ArgumentText(List<XElement> arguments, string key) =>
        arguments.FirstOrDefault(a => (string?)a.Attribute(XName.Get("Key", XamlNs)) == key && a.Name.NamespaceName != XamlNs)?.Value.Trim();

    private static WorkflowInstruction Expression(List<XElement> arguments, string display, string workflow)
    {
        string Arg(string key) => arguments.FirstOrDefault(a => (string?)a.Attribute(XName.Get("Key", XamlNs)) == key)?.Value.Trim()
                                  ?? throw new InvalidOperationException($"Workflow '{workflow}': '{display}' has no {key} argument.");
        var op = Arg("ExpressionOperator");
        var result = VariableOf(Arg("Result"), workflow);
        var parameters = ObjectArray().Match(Arg("Parameters"));
        var items = parameters.Success ? SplitItems(parameters.Groups["items"].Value) : new List<string>();
        switch (op)
        {
            case "CreateCrmType":
                // { WorkflowPropertyType.<Type>, "<value>", "<Type>" }
                var type = items.Count > 0 ? items[0].Split('.').Last() : "String";
                var value = items.Count > 1 ? Unquote(items[1]) : null;
                return new CreateLiteral(display, result, Literal(type, value));
            case "SelectFirstNonNull":
                return new SelectFirstNonNull(display, result, items.Select(i => VariableOf("[" + i + "]", workflow)).ToList());
            default:
                throw new NotSupportedException($"Workflow '{workflow}': the expression '{op}' in '{display}' is not supported by the local organization.");
        }
    }

    private static object? Literal(string type, string? value)
    {
        if (value is null) return null;
        var c = CultureInfo.InvariantCulture;
        return type switch
        {
            "Integer" => int.Parse(value, c),
            "Decimal" => decimal.Parse(value, c),
            "Float" => double.Parse(value, c),
            "Boolean" => value is "1" || bool.Parse(value),
            "DateTime" => DateTime.Parse(value, c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            "OptionSetValue" or "Picklist" => new Microsoft.Xrm.Sdk.OptionSetValue(int.Parse(value, c)),
            "Money" => new Microsoft.Xrm.Sdk.Money(decimal.Parse(value, c)),
            _ => value,
        };
    }

    private static ArgumentSource Source(string text)
    {
        if (text.StartsWith("[", StringComparison.Ordinal)) return new ArgumentSource(VariableOf(text, "argument"), null);
        return new ArgumentSource(null, text);
    }

    /// <summary>The variable an expression names: "[X]", "[DirectCast(X, System.DateTime)]", "[CType(X, ...)]".</summary>
    private static string VariableOf(string? expression, string workflow)
    {
        var match = VariableExpression().Match(expression ?? "");
        if (!match.Success) throw new NotSupportedException($"Workflow '{workflow}': the expression '{expression}' is not supported by the local organization.");
        return match.Groups["name"].Value;
    }

    private static string? TargetTypeOf(XElement element) =>
        element.Descendants().FirstOrDefault(e => e.Name.LocalName == "ReferenceLiteral")?.Attribute("Value")?.Value;

    private static void RequirePrimaryEntity(XElement element, string workflow)
    {
        var entity = (string?)element.Attribute("Entity") ?? "";
        if (!entity.Contains("primaryEntity", StringComparison.Ordinal))
            throw new NotSupportedException($"Workflow '{workflow}': only properties of the primary entity can be read (found {entity}).");
    }

    private static string Required(XElement element, string attribute, string workflow) =>
        (string?)element.Attribute(attribute) ?? throw new InvalidOperationException($"Workflow '{workflow}': {element.Name.LocalName} has no {attribute}.");

    private static bool IsActivitiesNamespace(string ns) => ns.StartsWith(ActivitiesNs, StringComparison.Ordinal);

    private static List<string> SplitItems(string items) => items.Split(',').Select(i => i.Trim()).Where(i => i.Length > 0).ToList();

    private static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    [GeneratedRegex(@"^\[\s*(?:(?:DirectCast|CType|TryCast)\(\s*)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:,[^\]]*\))?\s*\]$")]
    private static partial Regex VariableExpression();

    [GeneratedRegex(@"New Object\(\)\s*\{(?<items>.*)\}", RegexOptions.Singleline)]
    private static partial Regex ObjectArray();
}
