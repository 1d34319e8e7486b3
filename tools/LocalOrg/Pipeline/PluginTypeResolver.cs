using System.Collections.Concurrent;
using System.Reflection;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>Finds the .NET type a registration names (plug-in or custom workflow activity) among the loaded assemblies,
/// loading the solution's plug-in assemblies by name when they are not loaded yet.</summary>
internal sealed class PluginTypeResolver
{
    private readonly ConcurrentDictionary<string, Type> _cache = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<PluginAssemblyDefinition> _assemblies;

    public PluginTypeResolver(IReadOnlyList<PluginAssemblyDefinition> assemblies) { _assemblies = assemblies; }

    public void Register(Type type) => _cache[type.FullName!] = type;

    public Type Resolve(string typeName)
    {
        if (_cache.TryGetValue(typeName, out var cached)) return cached;
        var type = Find(typeName) ?? throw new DataverseFault(unchecked((int)0x80045002),
            $"The plug-in type {typeName} is registered but its assembly is not loaded in the local organization.");
        _cache[typeName] = type;
        return type;
    }

    private Type? Find(string typeName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var t = assembly.GetType(typeName, throwOnError: false);
            if (t is not null) return t;
        }
        // The assembly that registers the type first, then every plug-in assembly of the solution.
        foreach (var definition in _assemblies.OrderBy(a => a.Types.Any(t => t.TypeName == typeName) ? 0 : 1))
        {
            try
            {
                var name = new AssemblyName(definition.FullName.Split(',')[0].Trim());
                var t = Assembly.Load(name).GetType(typeName, throwOnError: false);
                if (t is not null) return t;
            }
            catch (IOException) { }
        }
        return null;
    }
}
