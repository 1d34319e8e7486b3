using LeadLifecycle.LocalOrg.Metadata;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// The platform's core create/update/delete of one row inside a transaction: validation, system columns (created/
/// modified on and by, owner and owning business unit, organizationid, state and status, versionnumber), computed full
/// names, alternate-key uniqueness and optimistic concurrency. Knows nothing of plug-ins. What a caller may write comes
/// from the table's metadata: a value for a column that is not valid for create (createdon, createdby, owninguser,
/// organizationid, …) or, on update, not valid for update (those and overriddencreatedon, importsequencenumber) is
/// ignored, as CreateRequest.Target / UpdateRequest.Target document (Microsoft Learn, Microsoft.Xrm.Sdk.Messages).
/// </summary>
internal sealed class RecordWriter
{

    private readonly LocalOrganization _org;

    public RecordWriter(LocalOrganization org) { _org = org; }

    private OrganizationMetadata Metadata => _org.Metadata;

    public Guid Create(Transaction txn, Entity target, Guid userId, Func<string, Guid, bool>? lookupExists = null)
    {
        lookupExists ??= (t, i) => Exists(txn, t, i);
        var table = Metadata.Get(target.LogicalName);
        var id = target.Id;
        if (id == Guid.Empty && target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var given) && given is Guid g) id = g;
        if (id == Guid.Empty) id = Guid.NewGuid();
        txn.LockRow(table.LogicalName, id);
        if (txn.Read(table.LogicalName, id) is not null) throw Faults.DuplicateId(table.LogicalName, id);

        var row = new Entity(table.LogicalName, id);
        foreach (var attribute in target.Attributes)
        {
            if (attribute.Key == table.PrimaryIdAttribute || table.Column(attribute.Key) is { ValidForCreate: false }) continue;
            var value = AttributeValidator.Validate(table, attribute.Key, attribute.Value, lookupExists);
            if (value is not null) row.Attributes[attribute.Key] = value;
        }
        row.Attributes[table.PrimaryIdAttribute] = id;

        var now = _org.Clock.UtcNowSeconds;
        var user = new EntityReference("systemuser", userId);
        var createdOn = row.GetAttributeValue<DateTime?>("overriddencreatedon") ?? now;
        SetIfColumn(table, row, "createdon", createdOn);
        SetIfColumn(table, row, "modifiedon", now);
        SetIfColumn(table, row, "createdby", user);
        SetIfColumn(table, row, "modifiedby", user);
        SetIfColumn(table, row, "organizationid", new EntityReference("organization", _org.OrganizationId));
        if (table.Column("ownerid") is not null)
        {
            if (!row.Contains("ownerid")) row["ownerid"] = new EntityReference("systemuser", userId);
            SetOwnership(txn, table, row);
        }
        if (table.HasStateCode)
        {
            var state = row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
            var status = row.GetAttributeValue<OptionSetValue>("statuscode")?.Value ?? table.DefaultStatus(state);
            SetState(table, row, id, state, status);
        }
        if (table.Column("activitytypecode") is not null && table.LogicalName != "activitypointer") row["activitytypecode"] = table.LogicalName;
        ComputeFullName(table, row);
        StampVersion(table, row);
        CheckKeys(txn, table, row);
        txn.Write(table.LogicalName, id, row);
        return id;
    }

    public void Update(Transaction txn, Entity target, Guid userId, ConcurrencyBehavior concurrency)
    {
        var table = Metadata.Get(target.LogicalName);
        var id = ResolveId(txn, table, target.Id, target.KeyAttributes, target);
        txn.LockRow(table.LogicalName, id);
        var current = txn.Read(table.LogicalName, id) ?? throw Faults.DoesNotExist(table.LogicalName, id);
        CheckVersion(current, target.RowVersion, concurrency);

        var row = EntityCopy.Clone(current);
        foreach (var attribute in target.Attributes)
        {
            if (attribute.Key == table.PrimaryIdAttribute || table.Column(attribute.Key) is { ValidForUpdate: false }) continue;
            var value = AttributeValidator.Validate(table, attribute.Key, attribute.Value, (t, i) => Exists(txn, t, i));
            if (value is null) row.Attributes.Remove(attribute.Key);
            else row.Attributes[attribute.Key] = value;
        }
        if (table.HasStateCode && (target.Contains("statecode") || target.Contains("statuscode")))
        {
            var state = row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
            // A new state without a status gets that state's default status (Dataverse's DefaultStatus).
            var status = target.GetAttributeValue<OptionSetValue>("statuscode")?.Value
                         ?? (target.Contains("statecode") ? table.DefaultStatus(state) : row.GetAttributeValue<OptionSetValue>("statuscode")?.Value);
            SetState(table, row, id, state, status);
        }
        if (target.Contains("ownerid")) SetOwnership(txn, table, row);
        if (target.Contains("firstname") || target.Contains("lastname") || target.Contains("middlename")) ComputeFullName(table, row);
        SetIfColumn(table, row, "modifiedon", _org.Clock.UtcNowSeconds);
        SetIfColumn(table, row, "modifiedby", new EntityReference("systemuser", userId));
        StampVersion(table, row);
        CheckKeys(txn, table, row);
        txn.Write(table.LogicalName, id, row);
    }

    /// <summary>Deletes the row; returns it as it was. Relationship behaviour (cascade/remove link/restrict) is the caller's.</summary>
    public Entity Delete(Transaction txn, string tableName, Guid id, string? rowVersion, ConcurrencyBehavior concurrency)
    {
        var table = Metadata.Get(tableName);
        txn.LockRow(table.LogicalName, id);
        var current = txn.Read(table.LogicalName, id) ?? throw Faults.DoesNotExist(table.LogicalName, id);
        CheckVersion(current, rowVersion, concurrency);
        txn.Write(table.LogicalName, id, null);
        return current;
    }

    /// <summary>Clears a lookup without running the pipeline (the platform's "remove link" cascade).</summary>
    public void ClearLookup(Transaction txn, string tableName, Guid id, string column)
    {
        var table = Metadata.Get(tableName);
        txn.LockRow(tableName, id);
        var current = txn.Read(tableName, id);
        if (current is null || !current.Contains(column)) return;
        var row = EntityCopy.Clone(current);
        row.Attributes.Remove(column);
        StampVersion(table, row);
        txn.Write(tableName, id, row);
    }

    /// <summary>The id a request addresses: its Id, else its alternate key values, else the primary id column.</summary>
    public Guid ResolveId(Transaction txn, TableMetadata table, Guid id, KeyAttributeCollection? keys, Entity? target = null)
    {
        if (id != Guid.Empty) return id;
        if (target is not null && target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var pk) && pk is Guid g && g != Guid.Empty) return g;
        if (keys is null || keys.Count == 0) throw Faults.Missing($"{table.LogicalName}.{table.PrimaryIdAttribute}");
        return FindByKeys(txn, table, keys) ?? throw Faults.DoesNotExistByKey(table.LogicalName, string.Join(", ", keys.Keys));
    }

    /// <summary>The row whose alternate key matches the given key attributes, or null. With <paramref name="claim"/> the key
    /// value stays locked until the transaction ends (as the unique index does for an upsert), so a concurrent upsert by the
    /// same key waits and then finds this transaction's row instead of failing on a duplicate.</summary>
    public Guid? FindByKeys(Transaction txn, TableMetadata table, KeyAttributeCollection keys, bool claim = false)
    {
        if (keys.Count == 1 && keys.Keys.First() == table.PrimaryIdAttribute && keys.Values.First() is Guid direct)
            return txn.Read(table.LogicalName, direct) is null ? null : direct;
        var key = table.AlternateKeys.FirstOrDefault(k => k.Columns.Count == keys.Count && k.Columns.All(keys.ContainsKey))
                  ?? throw Faults.Invalid($"The key attributes {string.Join(", ", keys.Keys)} do not match an alternate key of '{table.LogicalName}'.");
        var value = KeyValues.Of(key.Columns.Select(c => (object?)keys[c]));
        if (value is null) return null;
        if (claim) txn.LockKeyValue(table.LogicalName, key.LogicalName, value);
        return txn.FindByKey(table, new AlternateKeyLookup(key.LogicalName, key.Columns), value, Guid.Empty);
    }

    public bool Exists(Transaction txn, string table, Guid id) =>
        Metadata.Find(table) is null ? throw Faults.UnknownTable(table) : txn.Read(table, id) is not null;

    private static void CheckVersion(Entity current, string? rowVersion, ConcurrencyBehavior concurrency)
    {
        if (concurrency != ConcurrencyBehavior.IfRowVersionMatches) return;
        if (string.IsNullOrEmpty(rowVersion)) throw Faults.VersionNotProvided();
        var currentVersion = current.GetAttributeValue<long>("versionnumber").ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (rowVersion != currentVersion) throw Faults.VersionMismatch();
    }

    private void SetState(TableMetadata table, Entity row, Guid id, int state, int? status)
    {
        if (table.Column("statecode")?.Options is { Count: > 0 } states && states.All(s => s.Value != state))
            throw Faults.InvalidState(table.LogicalName, state);
        if (status is int s && table.StatusReasons.Count > 0 && !table.StatusReasons.Any(r => r.State == state && r.Status == s))
            throw Faults.InvalidStatus(table.LogicalName, id, state, table.StateLabel(state), s);
        row["statecode"] = new OptionSetValue(state);
        if (status is int value) row["statuscode"] = new OptionSetValue(value);
    }

    private void SetOwnership(Transaction txn, TableMetadata table, Entity row)
    {
        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        if (owner is null) return;
        var ownerRow = txn.Read(owner.LogicalName, owner.Id);
        var businessUnit = ownerRow?.GetAttributeValue<EntityReference>("businessunitid");
        if (businessUnit is not null) SetIfColumn(table, row, "owningbusinessunit", businessUnit);
        if (owner.LogicalName == "systemuser") { SetIfColumn(table, row, "owninguser", owner); row.Attributes.Remove("owningteam"); }
        else { SetIfColumn(table, row, "owningteam", owner); row.Attributes.Remove("owninguser"); }
    }

    /// <summary>Dataverse composes fullname from first and last name on contact, lead and systemuser.</summary>
    private static void ComputeFullName(TableMetadata table, Entity row)
    {
        if (table.Column("fullname") is null || table.Column("firstname") is null) return;
        var parts = new[] { row.GetAttributeValue<string>("firstname"), row.GetAttributeValue<string>("lastname") }
            .Where(p => !string.IsNullOrWhiteSpace(p));
        var fullName = string.Join(" ", parts);
        if (fullName.Length == 0) row.Attributes.Remove("fullname");
        else row["fullname"] = fullName;
    }

    private void StampVersion(TableMetadata table, Entity row)
    {
        var version = _org.Store.NextVersion();
        SetIfColumn(table, row, "versionnumber", version);
        row.RowVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CheckKeys(Transaction txn, TableMetadata table, Entity row)
    {
        foreach (var key in table.AlternateKeys)
        {
            var value = KeyValues.Of(row, key.Columns);
            if (value is null) continue;
            txn.LockKeyValue(table.LogicalName, key.LogicalName, value);
            if (txn.FindByKey(table, new AlternateKeyLookup(key.LogicalName, key.Columns), value, row.Id) is not null)
                throw Faults.DuplicateKey(table.LogicalName, key.DisplayName, key.Columns);
        }
    }

    private static void SetIfColumn(TableMetadata table, Entity row, string column, object value)
    {
        if (table.Column(column) is not null) row[column] = value;
    }
}
