using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Components that travel as their own folders beside customizations.xml (same layout packed and unpacked):
/// customapis/&lt;uniquename&gt;/customapi.xml (+ customapirequestparameters/, customapiresponseproperties/) and
/// environmentvariabledefinitions/&lt;schemaname&gt;/environmentvariabledefinition.xml.</summary>
internal static class FolderComponentParser
{
    public static IReadOnlyList<CustomApiDefinition> CustomApis(IPackageFiles files) =>
        files.Paths.Where(p => IsFile(p, "customapis", 3, "customapi.xml")).Order(StringComparer.Ordinal).Select(path =>
        {
            var api = Xml.Parse(files.ReadText(path), path).Root!;
            var folder = path[..path.LastIndexOf('/')];
            return new CustomApiDefinition(
                api.Attr("uniquename") ?? api.Text("uniquename") ?? api.Text("name") ?? "",
                DisplayName(api) ?? "",
                Localized(api.Element("description")),
                api.Int("bindingtype") ?? 0,
                api.Text("boundentitylogicalname"),
                api.Flag("isfunction"),
                api.Flag("isprivate"),
                api.Int("allowedcustomprocessingsteptype") ?? 0,
                PluginTypeReference(api),
                Parameters(files, folder, "customapirequestparameters", "customapirequestparameter.xml"),
                Parameters(files, folder, "customapiresponseproperties", "customapiresponseproperty.xml"))
            {
                ExecutePrivilegeName = api.Text("executeprivilegename"),
            };
        }).ToList();

    public static IReadOnlyList<EnvironmentVariableDefinition> EnvironmentVariables(IPackageFiles files) =>
        files.Paths.Where(p => IsFile(p, "environmentvariabledefinitions", 3, "environmentvariabledefinition.xml")).Order(StringComparer.Ordinal).Select(path =>
        {
            var v = Xml.Parse(files.ReadText(path), path).Root!;
            return new EnvironmentVariableDefinition(
                v.Attr("schemaname") ?? "", DisplayName(v) ?? "", v.Int("type") ?? 100000000, v.Text("defaultvalue"), Localized(v.Element("description")));
        }).ToList();

    /// <summary>The custom API's plug-in type: in the source a full type name, in a package the plugintypeid
    /// (resolved to the type name by <see cref="SolutionReader"/> callers through the assembly's types).</summary>
    internal static string? PluginTypeReference(XElement api) =>
        api.Element("plugintypeid") is { } p ? (p.Text("name") ?? p.Text("plugintypeid") ?? (p.HasElements ? null : p.Value)) : null;

    private static IReadOnlyList<CustomApiParameterDefinition> Parameters(IPackageFiles files, string apiFolder, string kind, string fileName) =>
        files.Paths.Where(p => p.StartsWith($"{apiFolder}/{kind}/", StringComparison.OrdinalIgnoreCase) && p.EndsWith("/" + fileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var x = Xml.Parse(files.ReadText(path), path).Root!;
                return new CustomApiParameterDefinition(
                    x.Attr("uniquename") ?? x.Text("uniquename") ?? x.Text("name") ?? "",
                    DisplayName(x) ?? "", x.Int("type") ?? 10, x.Flag("isoptional"), x.Text("logicalentityname"), Localized(x.Element("description")));
            }).ToList();

    private static string? DisplayName(XElement x) => Localized(x.Element("displayname"));

    private static string? Localized(XElement? e) => e?.Elements("label").Any() == true ? e.Label() : e.Attr("default") ?? (e is { HasElements: false } ? e.Value : null);

    private static bool IsFile(string path, string folder, int depth, string fileName) =>
        path.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase) && path.Split('/').Length == depth && path.EndsWith("/" + fileName, StringComparison.OrdinalIgnoreCase);
}
