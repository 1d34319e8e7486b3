using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>Two result rows are the same for Distinct when they carry the same columns with equal values.</summary>
internal sealed class ProjectedEntityEquality : IEqualityComparer<Entity>
{
    public static readonly ProjectedEntityEquality Instance = new();

    public bool Equals(Entity? x, Entity? y)
    {
        if (x is null || y is null) return ReferenceEquals(x, y);
        if (x.Attributes.Count != y.Attributes.Count) return false;
        foreach (var attribute in x.Attributes)
        {
            if (!y.Attributes.TryGetValue(attribute.Key, out var other)) return false;
            if (!Scalar.AreEqual(Scalar.From(attribute.Value), Scalar.From(other))) return false;
        }
        return true;
    }

    public int GetHashCode(Entity obj)
    {
        var hash = 0;
        foreach (var attribute in obj.Attributes) hash ^= attribute.Key.GetHashCode() * 31 + Scalar.From(attribute.Value).HashCodeForEquality();
        return hash;
    }
}
