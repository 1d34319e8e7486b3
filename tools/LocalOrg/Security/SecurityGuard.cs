using System.Text.Json;
using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// The checks every message makes before it reads or writes, as Dataverse makes them (learn.microsoft.com
/// power-platform/admin "How access to a record is determined"): first the privilege check (does the user hold
/// prv&lt;Right&gt;&lt;table&gt; at any depth? else PrivilegeDenied 0x80040220), then the access check (does that depth reach
/// the record? ownership: the user or their team owns it, any depth; role access: Business Unit reaches records of the
/// user's business unit, Parent: Child Business Units also those of the units below it, Organization all; else
/// unManagedIdsAccessDenied 0x80048306). Organization-owned tables have no access check: the privilege is the access.
/// Sharing and hierarchy security are not modelled. SYSTEM and System Administrator are never checked.
/// The checks run in the core operation (stage 30): pre-validation steps run before any security check ("Event execution
/// pipeline": PreValidation occurs before security checks), and what a pre-operation step adds to the Target is checked too.
/// </summary>
internal sealed class SecurityGuard
{
    private static readonly HashSet<string> SystemLookups = new(StringComparer.Ordinal)
    {
        "ownerid", "owninguser", "owningteam", "owningbusinessunit", "createdby", "modifiedby", "createdonbehalfby", "modifiedonbehalfby", "organizationid",
    };

    private readonly LocalOrganization _org;
    private readonly SecurityModel _model;

    public SecurityGuard(LocalOrganization org, SecurityModel model)
    {
        _org = org;
        _model = model;
    }

    /// <summary>The privilege check alone (any depth will do): the first barrier, before the pre-operation stage.</summary>
    public void CheckPrivilege(Operation op, string logicalName, AccessRight right)
    {
        if (_model.Unchecked(op.UserId) || !_model.Tables.TryGetValue(logicalName, out var table)) return;
        Require(op, table, right, null);
    }

    /// <summary>Whether the user holds the privilege at any depth (no fault): e.g. access to a business process flow.</summary>
    public bool Holds(Guid userId, string logicalName, AccessRight right)
    {
        if (_model.Unchecked(userId) || !_model.Tables.TryGetValue(logicalName, out var table)) return true;
        return _model.For(userId).Depth(table.PrivilegeName(right)) != PrivilegeDepth.None;
    }

    /// <summary>Create: Create access on the new row (its owner decides the depth needed), Assign when the row is made for
    /// another owner, Append on it and AppendTo on every record a lookup of the Target points at.</summary>
    public void CheckCreate(Operation op, Entity target, Guid id)
    {
        if (_model.Unchecked(op.UserId)) return;
        var table = _model.Table(target.LogicalName);
        var caller = new EntityReference("systemuser", op.UserId);
        var owner = target.GetAttributeValue<EntityReference>("ownerid") ?? caller;
        var prospective = new Entity(table.LogicalName, id) { ["ownerid"] = owner };
        if (OwnerBusinessUnit(op.Transaction, owner) is Guid ownerUnit) prospective["owningbusinessunit"] = new EntityReference("businessunit", ownerUnit);
        Require(op, table, AccessRight.Create, prospective);
        if (table.Ownership == TableOwnership.User && owner.Id != op.UserId) Require(op, table, AccessRight.Assign, null);
        CheckLookups(op, table, target, prospective);
    }

    /// <summary>Retrieve (and the record a message reads first: QualifyLead's lead, Win/Lose's opportunity).</summary>
    public void CheckRead(Operation op, string logicalName, Entity row)
    {
        if (_model.Unchecked(op.UserId)) return;
        Require(op, _model.Table(logicalName), AccessRight.Read, row);
    }

    /// <summary>Update (one part of it): Assign for a new owner, Write for any other column (state and status included:
    /// SetState needs Write), Append/AppendTo for the lookups it sets.</summary>
    public void CheckUpdate(Operation op, Entity target, Entity current)
    {
        if (_model.Unchecked(op.UserId)) return;
        var table = _model.Table(target.LogicalName);
        var primaryId = _org.Metadata.Get(target.LogicalName).PrimaryIdAttribute;
        if (target.Contains("ownerid")) Require(op, table, AccessRight.Assign, current);
        if (target.Attributes.Keys.Any(k => k != "ownerid" && k != primaryId)) Require(op, table, AccessRight.Write, current);
        CheckLookups(op, table, target, current);
    }

    public void CheckDelete(Operation op, string logicalName, Entity row)
    {
        if (_model.Unchecked(op.UserId)) return;
        Require(op, _model.Table(logicalName), AccessRight.Delete, row);
    }

    /// <summary>A custom API's executeprivilegename: the caller must hold it (at any depth).</summary>
    public void CheckPrivilege(Operation op, string privilege)
    {
        if (_model.Unchecked(op.UserId)) return;
        var principal = _model.For(op.UserId);
        if (principal.Depth(privilege) != PrivilegeDepth.None) return;
        var table = _model.Tables.Values.FirstOrDefault(t => AccessRights.All.Any(r => string.Equals(t.PrivilegeName(r), privilege, StringComparison.OrdinalIgnoreCase)));
        throw MissingPrivilege(principal, privilege, table);
    }

    /// <summary>The rows a query may return: every table it names needs Read at some depth (else the privilege fault);
    /// rows the depth does not reach are left out, linked tables too. SYSTEM and System Administrator see the store as is.</summary>
    public IQueryableStore Secure(Operation op, IQueryableStore store) =>
        _model.Unchecked(op.UserId) ? store : new SecuredQueryStore(store, this, op);

    // ---- the two checks ------------------------------------------------------------------------------------------------

    /// <summary>Privilege check, then (for a row) access check.</summary>
    internal void Require(Operation op, TableSecurity table, AccessRight right, Entity? row)
    {
        var principal = _model.For(op.UserId);
        var privilege = table.PrivilegeName(right);
        var depth = principal.Depth(privilege);
        if (depth == PrivilegeDepth.None) throw MissingPrivilege(principal, privilege, table);
        if (row is null) return;
        var unit = _model.BusinessUnitOf(principal.UserId);
        if (!Reaches(principal, unit, table, depth, row)) throw NoAccess(principal, unit, table, right, depth, row);
    }

    /// <summary>The privilege depth the user holds for reading a table (the privilege fault when none).</summary>
    internal Func<Entity, bool>? ReadFilter(Operation op, TableSecurity table)
    {
        var principal = _model.For(op.UserId);
        var privilege = table.PrivilegeName(AccessRight.Read);
        var depth = principal.Depth(privilege);
        if (depth == PrivilegeDepth.None) throw MissingPrivilege(principal, privilege, table);
        if (table.Ownership == TableOwnership.Organization || depth == PrivilegeDepth.Global) return null;
        var unit = _model.BusinessUnitOf(principal.UserId);
        var teams = _model.TeamsOf(unit);
        var subtree = depth >= PrivilegeDepth.Deep ? _model.Subtree(unit) : null;
        return row => Reaches(principal.UserId, teams, unit, subtree, table, depth, row);
    }

    private bool Reaches(Principal principal, Guid unit, TableSecurity table, PrivilegeDepth depth, Entity row) =>
        table.Ownership == TableOwnership.Organization || depth == PrivilegeDepth.Global ||
        Reaches(principal.UserId, _model.TeamsOf(unit), unit, depth >= PrivilegeDepth.Deep ? _model.Subtree(unit) : null, table, depth, row);

    private static bool Reaches(Guid userId, IReadOnlyCollection<Guid> teams, Guid unit, HashSet<Guid>? subtree, TableSecurity table, PrivilegeDepth depth, Entity row)
    {
        if (table.Ownership == TableOwnership.Organization || depth == PrivilegeDepth.Global) return true;
        var (owner, rowUnit) = Ownership(table, row);
        // Ownership: any depth will do when the user (or a team of theirs) owns the record.
        if (owner is Guid ownerId && (ownerId == userId || teams.Contains(ownerId))) return true;
        if (rowUnit is not Guid recordUnit) return false;
        if (depth >= PrivilegeDepth.Local && recordUnit == unit) return true;
        return depth >= PrivilegeDepth.Deep && subtree is not null && subtree.Contains(recordUnit);
    }

    /// <summary>The record's owner (user or team) and business unit: ownerid/owningbusinessunit for user-owned tables; the
    /// business unit itself, or a user's or team's business unit, for business-owned ones (a user "owns" their own row).</summary>
    private static (Guid? Owner, Guid? Unit) Ownership(TableSecurity table, Entity row)
    {
        if (table.Ownership == TableOwnership.Business)
        {
            if (table.LogicalName == "businessunit") return (null, row.Id);
            var unit = row.Attributes.TryGetValue("businessunitid", out var u) && u is EntityReference bu ? bu.Id : (Guid?)null;
            return (table.LogicalName == "systemuser" ? row.Id : null, unit);
        }
        var owner = row.Attributes.TryGetValue("ownerid", out var o) && o is EntityReference ownerRef ? ownerRef.Id : (Guid?)null;
        var owning = row.Attributes.TryGetValue("owningbusinessunit", out var b) && b is EntityReference unitRef ? unitRef.Id : (Guid?)null;
        return (owner, owning);
    }

    private void CheckLookups(Operation op, TableSecurity table, Entity target, Entity row)
    {
        var primaryId = _org.Metadata.Get(target.LogicalName).PrimaryIdAttribute;
        var appendChecked = false;
        foreach (var (column, value) in target.Attributes)
        {
            if (value is not EntityReference reference || reference.Id == Guid.Empty || column == primaryId || SystemLookups.Contains(column)) continue;
            if (!_model.Tables.TryGetValue(reference.LogicalName ?? "", out var referencedTable)) continue; // validation reports it
            var referenced = op.Transaction.Read(referencedTable.LogicalName, reference.Id);
            if (referenced is null) continue; // validation reports the missing record
            if (!appendChecked) { Require(op, table, AccessRight.Append, row); appendChecked = true; }
            Require(op, referencedTable, AccessRight.AppendTo, referenced);
        }
    }

    private Guid? OwnerBusinessUnit(Transaction transaction, EntityReference owner) =>
        transaction.Read(owner.LogicalName, owner.Id)?.GetAttributeValue<EntityReference>("businessunitid")?.Id;

    // ---- faults --------------------------------------------------------------------------------------------------------

    private DataverseFault MissingPrivilege(Principal principal, string privilege, TableSecurity? table) =>
        Faults.MissingPrivilege(principal.UserId, principal.Roles.Count, principal.PrivilegeCount, _model.BusinessUnitOf(principal.UserId),
            privilege, SecurityIds.Privilege(privilege), table is null ? null : (table.ObjectTypeCode, table.LogicalName, table.DisplayName));

    private DataverseFault NoAccess(Principal principal, Guid unit, TableSecurity table, AccessRight right, PrivilegeDepth depth, Entity row)
    {
        var (owner, rowUnit) = Ownership(table, row);
        var needed = rowUnit == unit ? PrivilegeDepth.Local : rowUnit is Guid r && _model.Subtree(unit).Contains(r) ? PrivilegeDepth.Deep : PrivilegeDepth.Global;
        var ownerType = row.GetAttributeValue<EntityReference>("ownerid")?.LogicalName == "team" ? 9 : 8;
        // The Details object Dataverse appends to this message (field names as the platform writes them).
        var details = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["CallerPrincipal"] = new Dictionary<string, object> { ["PrincipalId"] = principal.UserId, ["Type"] = 8, ["IsUserPrincipal"] = true },
            ["OwnerPrincipal"] = owner is Guid o ? new Dictionary<string, object> { ["PrincipalId"] = o, ["Type"] = ownerType, ["IsUserPrincipal"] = ownerType == 8 } : null,
            ["ObjectId"] = row.Id,
            ["ObjectTypeCode"] = table.ObjectTypeCode,
            ["EntityName"] = table.LogicalName,
            ["ObjectBusinessUnitId"] = rowUnit,
            ["RightsToCheck"] = right.AccessName(),
            ["RoleAccessRights"] = "None",
            ["GrantedAccessRights"] = "None",
            ["Messages"] = new[] { $"PrincipalPrivilegeDepth = {depth}", $"MinimumPrivilegeDepthRequired = {needed}" },
        });
        return Faults.NoAccess(principal.UserId, right.AccessName(), row.Id, table.LogicalName, details);
    }
}
