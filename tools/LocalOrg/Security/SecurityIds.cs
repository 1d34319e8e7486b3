using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Security;

/// <summary>Stable ids for standard roles and privileges, the same in every local organization. Dataverse's own
/// privilege ids are fixed per privilege too, but published only for some (e.g. prvCreateActivity
/// 091DF793-FE5E-44D4-B4CA-7E3F580C4664 in the SDK samples); name-based ids stand in for all of them.</summary>
internal static class SecurityIds
{
    private static readonly Guid Namespace = new("5c1e3b7a-1f0e-4d6b-9c51-7a3a9b2f8e40");

    public static Guid Role(string name) => DeterministicGuid.Create(Namespace, "role:" + name);

    public static Guid Privilege(string name) => DeterministicGuid.Create(Namespace, "privilege:" + name.ToLowerInvariant());
}
