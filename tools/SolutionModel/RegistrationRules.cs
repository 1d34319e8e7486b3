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
            if (built.FullName != assembly.FullName)
                c.Error("assembly", component, $"registered as '{assembly.FullName}' but the packaged dll is '{built.FullName}'");
            foreach (var type in assembly.Types.Where(t => built.Types.All(b => b.FullName != t.TypeName)))
                c.Error("plugin-type", $"plug-in type {type.TypeName}", $"registered but not a public plug-in or workflow activity class of {built.Name}.dll");
            foreach (var type in built.Types) typesInDlls[type.FullName] = built.FullName;
        }

        var customApis = c.Solution.CustomApis.Select(a => a.UniqueName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var api in c.Solution.CustomApis.Where(a => a.PluginTypeName is not null && !typesInDlls.ContainsKey(a.PluginTypeName)))
            c.Error("plugin-type", $"custom API {api.UniqueName}", $"its plug-in type {api.PluginTypeName} is not in a packaged assembly");

        var stepElements = c.Customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").ToList() ?? [];
        foreach (var (step, xml) in c.Solution.Steps.Zip(stepElements))
            CheckStep(c, step, xml, typesInDlls, customApis);

        foreach (var duplicate in c.Solution.Steps.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            c.Error("step-duplicate", $"step {duplicate.Key}", $"{duplicate.Count()} steps share this SdkMessageProcessingStepId");
        foreach (var duplicate in c.Solution.Steps
                     .GroupBy(s => (s.PluginTypeName, Message: s.Message.ToLowerInvariant(), s.PrimaryEntity, s.SecondaryEntity, s.Stage, s.Mode))
                     .Where(g => g.Count() > 1))
            c.Error("step-duplicate", $"step '{duplicate.First().Name}'",
                $"{duplicate.Count()} steps register {duplicate.Key.PluginTypeName} on the same message, table, stage and mode: it would run twice");
    }

    private static void CheckStep(CheckContext c, StepDefinition step, XElement xml, IReadOnlyDictionary<string, string> typesInDlls, ISet<string> customApis)
    {
        var component = $"step '{step.Name}'";
        var aqn = xml.Text("PluginTypeName") ?? "";
        if (!typesInDlls.TryGetValue(step.PluginTypeName, out var assemblyFullName))
            c.Error("step-plugin-type", component, $"plug-in type '{step.PluginTypeName}' is not in any packaged assembly");
        else if (aqn.Contains(',') && aqn[(aqn.IndexOf(',') + 1)..].Trim() != assemblyFullName)
            c.Error("step-plugin-type", component, $"names assembly '{aqn[(aqn.IndexOf(',') + 1)..].Trim()}' but the type is in '{assemblyFullName}'");

        var messageId = xml.Guid("SdkMessageId");
        var known = SdkMessages.Canonical(step.Message) is not null || customApis.Contains(step.Message);
        if (step.Message.Length == 0)
            c.Error("step-message", component, messageId is null
                ? "no SdkMessageId and no message in its name: the step has no message"
                : $"SdkMessageId {messageId} is not a message we know; name it in the step name ('Type: Message of table')");
        else if (!known)
            c.Error("step-message", component, $"message '{step.Message}' is neither a platform message we register on nor a custom API of the package");
        else if (messageId is null && SdkMessages.Canonical(step.Message) is not null)
            c.Warning("step-message", component, $"no SdkMessageId: the id of {step.Message} is not published; `llc deploy` fills it in from the target organization " +
                      "(save that zip with --save-completed for imports elsewhere: the id is the same in every organization)");

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
}
