using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Plug-in assemblies, plug-in types and SDK message processing steps from customizations.xml.</summary>
internal static class RegistrationParser
{
    public static IReadOnlyList<PluginAssemblyDefinition> Assemblies(XElement customizations) =>
        customizations.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").Select(a =>
        {
            var fullName = a.Attr("FullName") ?? "";
            var assemblyName = fullName.Split(',')[0].Trim();
            return new PluginAssemblyDefinition(
                Xml.ParseGuid(a.Attr("PluginAssemblyId")) ?? Guid.Empty,
                fullName,
                a.Text("FileName") ?? "",
                a.Int("IsolationMode") == 2 ? "Sandbox" : "None",
                a.Element("PluginTypes")?.Elements("PluginType").Select(t => new PluginTypeDefinition(
                    Xml.ParseGuid(t.Attr("PluginTypeId")) ?? Guid.Empty,
                    TypeNameOf(t.Attr("AssemblyQualifiedName") ?? t.Attr("Name") ?? ""),
                    assemblyName,
                    t.Element("WorkflowActivityGroupName") is not null,
                    t.Text("WorkflowActivityGroupName"))).ToList() ?? []);
        }).ToList() ?? [];

    public static IReadOnlyList<StepDefinition> Steps(XElement customizations) =>
        customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").Select(Step).ToList() ?? [];

    /// <summary>"Ns.Type, Assembly, Version=..., PublicKeyToken=..." → "Ns.Type".</summary>
    public static string TypeNameOf(string assemblyQualifiedName) => assemblyQualifiedName.Split(',')[0].Trim();

    /// <summary>The step's message: by its SdkMessageId when we know the id, else from the step name.</summary>
    public static string? MessageOf(XElement step) =>
        (step.Guid("SdkMessageId") is { } id ? SdkMessages.NameOf(id) : null) ?? SdkMessages.FromStepName(step.Attr("Name"));

    private static StepDefinition Step(XElement s) => new StepDefinition(
        Xml.ParseGuid(s.Attr("SdkMessageProcessingStepId")) ?? Guid.Empty,
        s.Attr("Name") ?? "",
        TypeNameOf(s.Text("PluginTypeName") ?? ""),
        MessageOf(s) ?? "",
        s.Text("PrimaryEntity") is { } p && p != "none" ? p : null,
        s.Text("SecondaryEntity") is { } se && se != "none" ? se : null,
        s.Int("Stage") ?? 0,
        s.Int("Mode") ?? 0,
        s.Int("Rank") ?? 1,
        SplitList(s.Text("FilteringAttributes")),
        s.Text("Configuration"),
        null, // secure configuration never travels in a solution
        s.Flag("AsyncAutoDelete"),
        s.Int("SupportedDeployment") ?? 0,
        true,
        s.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage").Select(i => new StepImageDefinition(
            i.Guid("SdkMessageProcessingStepImageId") ?? Guid.Empty,
            i.Attr("Name") ?? i.Text("EntityAlias") ?? "",
            i.Text("EntityAlias") ?? "",
            i.Int("ImageType") ?? 0,
            i.Text("MessagePropertyName") ?? "Target",
            SplitList(i.Text("Attributes")))).ToList() ?? [],
        s.Text("Description"))
    {
        // "Run in User's Context" travels by name (CustomizationsSolution.xsd: ImpersonatingUserIdName).
        ImpersonatingUserName = s.Text("ImpersonatingUserIdName"),
    };

    internal static IReadOnlyList<string> SplitList(string? commaSeparated) =>
        (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
