using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// The standard account customertypecode values (Competitor 1 … Other 12) that existing data may still hold. They
    /// name kinds of relationship rather than stages, so before a derived type replaces one, it is kept as the matching
    /// llc_relationshiproles value (contract: Relationship type): a re-evaluation never loses what the account was.
    /// Customer (3) and Prospect (8) are stages, not roles, and carry nothing over.
    /// </summary>
    public static class LegacyAccountRelationshipTypes
    {
        private static readonly Dictionary<int, int> RoleByLegacyValue = new Dictionary<int, int>
        {
            { 1, Contract.RelationshipRole.Competitor },
            { 5, Contract.RelationshipRole.Partner },
            { 10, Contract.RelationshipRole.Supplier },
            { 11, Contract.RelationshipRole.Vendor },
            { 9, Contract.RelationshipRole.Reseller },
            { 2, Contract.RelationshipRole.Consultant },
            { 6, Contract.RelationshipRole.Influencer },
            { 4, Contract.RelationshipRole.Investor },
            { 7, Contract.RelationshipRole.Press },
            { 12, Contract.RelationshipRole.Other },
        };

        /// <summary>The llc_relationshiproles value a legacy account customertypecode stands for, or null.</summary>
        public static int? RoleFor(int legacyCustomerTypeCode)
        {
            return RoleByLegacyValue.TryGetValue(legacyCustomerTypeCode, out int role) ? role : (int?)null;
        }

        /// <summary>When <paramref name="current"/> is an account holding a legacy value, puts its roles plus the
        /// matching role on <paramref name="target"/> (unless already there). Returns true when it did.</summary>
        public static bool CarryOver(Entity current, Entity target)
        {
            if (current.LogicalName != Contract.Account.LogicalName) return false;
            var legacy = current.GetAttributeValue<OptionSetValue>(Contract.Contact.CustomerTypeCode)?.Value;
            var role = legacy.HasValue ? RoleFor(legacy.Value) : null;
            if (!role.HasValue) return false;

            var roles = current.GetAttributeValue<OptionSetValueCollection>(Contract.Account.RelationshipRoles)?.Select(o => o.Value).ToList() ?? new List<int>();
            if (roles.Contains(role.Value)) return false;
            roles.Add(role.Value);
            target[Contract.Account.RelationshipRoles] = new OptionSetValueCollection(roles.OrderBy(r => r).Select(r => new OptionSetValue(r)).ToList());
            return true;
        }
    }
}
