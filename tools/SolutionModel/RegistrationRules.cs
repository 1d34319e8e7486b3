using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Plug-in assemblies, their types and the steps on them, checked against the packaged dlls.</summary>
internal static class RegistrationRules
{
    private static readonly int[] ValidStages = [10, 20, 40];

    public static void Check(CheckContext c)
    {
        var typesInDlls = new Dictionary<string, string>(StringComparer.Ordinal); // type name → assembly full name
        foreach (var assembly in c.Solution.PluginAssemblies.Where(a => c.Files.Exists(a.FileName)))
        {
            var component = $"assembly {assembly.FullName.Split(',')[0]}";
            InspectedAssembly built;
            try { built = AssemblyInspector.Inspect(new MemoryStream(c.Files.ReadBytes(assembly.FileName)), assembly.FileName); }
            catch (SolutionFormatException e) { c.Error("assembly", component, e.Message); continue; }
            if (!IsStrongName(assembly.FullName))
                c.Error("assembly-strong-name", component, $"FullName '{assembly.FullName}' is not a strong name (name, Version, Culture, PublicKeyToken): Dataverse registers only signed assemblies by their full name");
            else if (built.FullName != assembly.FullName)
                c.Error("assembly", component, $"registered as '{assembly.FullName}' but the packaged dll is '{built.FullName}'");
            if (assembly.Types.Count == 0 && built.Types.Count > 0)
                c.Error("assembly-plugin-types", component, "no <PluginTypes>: the steps and custom APIs on its classes have no plug-in type to bind to");
            foreach (var type in assembly.Types.Where(t => built.Types.All(b => b.FullName != t.TypeName)))
                c.Error("plugin-type", $"plug-in type {type.TypeName}", $"registered but not a public plug-in or workflow activity class of {built.Name}.dll");
            foreach (var type in built.Types) typesInDlls[type.FullName] = built.FullName;
        }

        var customApis = c.Solution.CustomApis.Select(a => a.UniqueName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var api in c.Solution.CustomApis.Where(a => a.PluginTypeName is not null && !typesInDlls.ContainsKey(a.PluginTypeName)))
            c.Error("plugin-type", $"custom API {api.UniqueName}", $"its plug-in type {api.PluginTypeName} is not in a packaged assembly");

        var typeIds = c.Solution.PluginAssemblies.SelectMany(a => a.Types).GroupBy(t => t.TypeName).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var stepElements = c.Customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").ToList() ?? [];
        foreach (var (step, xml) in c.Solution.Steps.Zip(stepElements))
            CheckStep(c, step, xml, typesInDlls, typeIds, customApis);

        foreach (var duplicate in c.Solution.Steps.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            c.Error("step-duplicate", $"step {duplicate.Key}", $"{duplicate.Count()} steps share this SdkMessageProcessingStepId");
        foreach (var duplicate in c.Solution.Steps
                     .GroupBy(s => (s.PluginTypeName, Message: s.Message.ToLowerInvariant(), s.PrimaryEntity, s.SecondaryEntity, s.Stage, s.Mode))
                     .Where(g => g.Count() > 1))
            c.Error("step-duplicate", $"step '{duplicate.First().Name}'",
                $"{duplicate.Count()} steps register {duplicate.Key.PluginTypeName} on the same message, table, stage and mode: it would run twice");
    }

    private static void CheckStep(CheckContext c, StepDefinition step, XElement xml, IReadOnlyDictionary<string, string> typesInDlls,
        IReadOnlyDictionary<string, Guid> typeIds, ISet<string> customApis)
    {
        var component = $"step '{step.Name}'";
        if (XsdOrder.FirstOutOfOrder(xml, XsdOrder.SdkMessageProcessingStep) is { } misplaced)
            c.Error("step-element-order", component, $"{misplaced}: CustomizationsSolution.xsd fixes the order of a step's elements and an import rejects another");
        foreach (var image in xml.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage") ?? [])
            if (XsdOrder.FirstOutOfOrder(image, XsdOrder.SdkMessageProcessingStepImage) is { } misplacedInImage)
                c.Error("step-element-order", $"{component} image '{image.Attr("Name")}'", $"{misplacedInImage}: CustomizationsSolution.xsd fixes the order of an image's elements");
        var aqn = xml.Text("PluginTypeName") ?? "";
        if (!typesInDlls.TryGetValue(step.PluginTypeName, out var assemblyFullName))
            c.Error("step-plugin-type", component, $"plug-in type '{step.PluginTypeName}' is not in any packaged assembly");
        else if (!aqn.Contains(','))
            c.Warning("step-plugin-type", component, $"PluginTypeName '{aqn}' is not assembly qualified ('{step.PluginTypeName}, {assemblyFullName}'), as an export writes it");
        else if (aqn[(aqn.IndexOf(',') + 1)..].Trim() != assemblyFullName)
            c.Error("step-plugin-type", component, $"names assembly '{aqn[(aqn.IndexOf(',') + 1)..].Trim()}' but the type is in '{assemblyFullName}'");
        var typeId = xml.Guid("PluginTypeId");
        if (typeId is null)
            c.Warning("step-plugin-type-id", component, "no PluginTypeId: an export names the step's plug-in type by id as well");
        else if (typeIds.TryGetValue(step.PluginTypeName, out var registeredId) && registeredId != typeId)
            c.Error("step-plugin-type-id", component, $"PluginTypeId {typeId} is not the id of {step.PluginTypeName} in the package's <PluginTypes> ({registeredId})");

        var messageId = xml.Guid("SdkMessageId");
        var known = SdkMessages.Canonical(step.Message) is not null || customApis.Contains(step.Message);
        if (step.Message.Length == 0)
            c.Error("step-message", component, messageId is null
                ? "no SdkMessageId and no message in its name: the step has no message"
                : $"SdkMessageId {messageId} is not a message we know; name it in the step name ('Type: Message of table')");
        else if (!known)
            c.Error("step-message", component, $"message '{step.Message}' is neither a platform message we register on nor a custom API of the package");
        else if (messageId is null)
            c.Error("step-message", component, $"no SdkMessageId: every exported step names its message by id ({step.Message}: {SdkMessages.IdOf(step.Message)?.ToString() ?? "the organization's id"})");
        else if (SdkMessages.FromStepName(step.Name) is { } named && SdkMessages.Canonical(named) is { } namedMessage
                 && SdkMessages.IdOf(namedMessage) is { } namedId && namedId != messageId)
            c.Error("step-message", component, $"SdkMessageId {messageId} is not the id of {namedMessage} ({namedId}), the message its name says");

        switch (xml.Int("EventHandlerTypeCode"))
        {
            case null:
                c.Warning("step-handler-type", component, $"no EventHandlerTypeCode: every exported plug-in step carries {StandardComponents.PluginTypeEventHandler} (plug-in type)");
                break;
            case var code when code != StandardComponents.PluginTypeEventHandler:
                c.Error("step-handler-type", component, $"EventHandlerTypeCode {code} is not {StandardComponents.PluginTypeEventHandler} (plug-in type), yet the step runs plug-in type {step.PluginTypeName}");
                break;
        }

        if (!ValidStages.Contains(step.Stage))
            c.Error("step-stage", component, $"stage {step.Stage} is not a registrable stage (10 pre-validation, 20 pre-operation, 40 post-operation)");
        if (step.Mode is not (0 or 1))
            c.Error("step-mode", component, $"mode {step.Mode} is neither 0 (synchronous) nor 1 (asynchronous)");
        else if (step.Mode == 1 && step.Stage != 40)
            c.Error("step-mode", component, "an asynchronous step must be registered on stage 40 (post-operation)");
        if (step.PrimaryEntity is null && !SdkMessages.WithoutPrimaryEntity.Contains(step.Message, StringComparer.OrdinalIgnoreCase) && !customApis.Contains(step.Message))
            c.Error("step-table", component, $"{step.Message} steps need a PrimaryEntity: without one the step runs for every table");

        if (string.Equals(step.Message, "Update", StringComparison.OrdinalIgnoreCase) && step.FilteringAttributes.Count == 0)
            c.Error("step-filtering-attributes", component, "an Update step without FilteringAttributes runs on every update of the table: list the columns it reacts to");

        foreach (var image in step.Images)
        {
            var imageName = $"{component} image '{image.EntityAlias}'";
            if (image.Attributes.Count == 0)
                c.Error("step-image-attributes", imageName, "an image without an attribute list carries every column: list the columns the plug-in reads");
            if (image.EntityAlias.Length == 0)
                c.Error("step-image-alias", imageName, "an image needs an EntityAlias: the plug-in finds it by this name");
            if (image.ImageType is 0 or 2 && string.Equals(step.Message, "Create", StringComparison.OrdinalIgnoreCase))
                c.Error("step-image-type", imageName, "a Create step has no pre-image (the row did not exist)");
            if (image.ImageType is 1 or 2 && step.Stage != 40)
                c.Error("step-image-type", imageName, "a post-image exists only on stage 40 (post-operation)");
        }
    }

    /// <summary>"Name, Version=…, Culture=…, PublicKeyToken=…" with a real token: the only name Dataverse registers.</summary>
    internal static bool IsStrongName(string fullName)
    {
        var parts = fullName.Split(',').Select(p => p.Trim()).ToList();
        string? Part(string key) => parts.FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.OrdinalIgnoreCase))?[(key.Length + 1)..];
        return parts.Count >= 4 && parts[0].Length > 0 && System.Version.TryParse(Part("Version"), out _) && Part("Culture") is { Length: > 0 }
               && Part("PublicKeyToken") is { Length: 16 } token && token.All(char.IsAsciiHexDigit);
    }
}
