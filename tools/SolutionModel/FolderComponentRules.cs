using System.Globalization;

namespace LeadLifecycle.SolutionModel;

/// <summary>Custom APIs and environment variables: the values Dataverse validates when it creates them.</summary>
internal static class FolderComponentRules
{
    private const int NumberType = 100000001, BooleanType = 100000002, JsonType = 100000003;

    public static void Check(CheckContext c)
    {
        foreach (var api in c.Solution.CustomApis)
        {
            var component = $"custom API {api.UniqueName}";
            if (!api.UniqueName.StartsWith(c.Solution.Publisher.CustomizationPrefix + "_", StringComparison.OrdinalIgnoreCase))
                c.Error("custom-api", component, $"its unique name must start with the publisher's prefix '{c.Solution.Publisher.CustomizationPrefix}_'");
            if (api.BindingType is 1 or 2 && string.IsNullOrEmpty(api.BoundEntityLogicalName))
                c.Error("custom-api", component, "an entity-bound custom API needs boundentitylogicalname");
            if (api.BindingType is < 0 or > 2)
                c.Error("custom-api", component, $"bindingtype {api.BindingType} is not 0 (global), 1 (entity) or 2 (entity collection)");
            foreach (var parameter in api.RequestParameters.Concat(api.ResponseProperties))
                if (parameter.Type is < 0 or > 12)
                    c.Error("custom-api", $"{component} parameter {parameter.UniqueName}", $"type {parameter.Type} is not a custom API parameter type (0–12)");
            foreach (var duplicate in api.RequestParameters.GroupBy(p => p.UniqueName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                c.Error("custom-api", component, $"request parameter {duplicate.Key} is defined {duplicate.Count()} times");
        }

        foreach (var variable in c.Solution.EnvironmentVariables)
        {
            var component = $"environment variable {variable.SchemaName}";
            var valid = variable.DefaultValue is null || variable.Type switch
            {
                NumberType => decimal.TryParse(variable.DefaultValue, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                BooleanType => variable.DefaultValue is "yes" or "no" or "true" or "false",
                JsonType => IsJson(variable.DefaultValue),
                _ => true,
            };
            if (!valid) c.Error("environment-variable", component, $"default value '{variable.DefaultValue}' does not fit its type {variable.Type}");
        }
    }

    private static bool IsJson(string text)
    {
        try { System.Text.Json.JsonDocument.Parse(text).Dispose(); return true; }
        catch (System.Text.Json.JsonException) { return false; }
    }
}
