namespace LeadLifecycle.LocalOrg.Workflows;

/// <summary>One step of a classic workflow the local organization can run, compiled from the XAML Dataverse generates.</summary>
internal abstract record WorkflowInstruction(string DisplayName);

/// <summary>mxswa:GetEntityProperty on the primary record: variable = primary[attribute].</summary>
internal sealed record ReadPrimaryProperty(string DisplayName, string Attribute, string Variable, string? TargetType) : WorkflowInstruction(DisplayName);

/// <summary>EvaluateExpression CreateCrmType: variable = a literal typed value.</summary>
internal sealed record CreateLiteral(string DisplayName, string Variable, object? Value) : WorkflowInstruction(DisplayName);

/// <summary>EvaluateExpression SelectFirstNonNull: variable = the first of the source variables with a value.</summary>
internal sealed record SelectFirstNonNull(string DisplayName, string Variable, IReadOnlyList<string> Sources) : WorkflowInstruction(DisplayName);

/// <summary>mxswa:Postpone: wait until the date the variable holds (a date column of the primary record, re-read when
/// the wait is checked so a changed date moves the timeout).</summary>
internal sealed record PostponeUntil(string DisplayName, string Variable) : WorkflowInstruction(DisplayName);

/// <summary>EvaluateCondition with ConditionOperator NotNull ("contains data") or Null ("does not contain data"):
/// result variable = whether the operand variable holds a value.</summary>
internal sealed record CheckContainsData(string DisplayName, string Operand, bool WhenContainsData, string Result) : WorkflowInstruction(DisplayName);

/// <summary>ConditionBranch: when the condition variable is false, continue at <see cref="OtherwiseAt"/> (the Else
/// body, or the first step after the branch); else run the Then body that follows.</summary>
internal sealed record BranchUnless(string DisplayName, string Condition, int OtherwiseAt) : WorkflowInstruction(DisplayName);

/// <summary>The end of a Then body that has an Else: continue after the Else body.</summary>
internal sealed record JumpTo(string DisplayName, int Target) : WorkflowInstruction(DisplayName);

/// <summary>mxswa:ActivityReference to a custom workflow activity: its input arguments from variables or literals,
/// its output arguments into variables.</summary>
internal sealed record RunCustomActivity(string DisplayName, string TypeName, IReadOnlyDictionary<string, ArgumentSource> Inputs,
    IReadOnlyDictionary<string, string> Outputs) : WorkflowInstruction(DisplayName);

/// <summary>An input argument: a variable (optionally converted) or a literal.</summary>
internal sealed record ArgumentSource(string? Variable, object? Literal);
