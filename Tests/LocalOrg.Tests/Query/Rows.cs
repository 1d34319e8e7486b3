using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>Builders for arranged rows: the primary id set both as Entity.Id and as its column, as the store keeps them.</summary>
internal static class Rows
{
    public static Entity Contact(string fullName, Action<Entity>? more = null) => Make("contact", "contactid", e => { e["fullname"] = fullName; more?.Invoke(e); });

    public static Entity Account(string name, Action<Entity>? more = null) => Make("account", "accountid", e => { e["name"] = name; more?.Invoke(e); });

    public static Entity Lead(string subject, Action<Entity>? more = null) => Make("lead", "leadid", e => { e["subject"] = subject; more?.Invoke(e); });

    private static Entity Make(string table, string primaryId, Action<Entity> fill)
    {
        var entity = new Entity(table, Guid.NewGuid());
        entity[primaryId] = entity.Id;
        fill(entity);
        return entity;
    }
}
