using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>Folds the rows of a parent ⟕ child query (one row per child) back into parents holding their children.</summary>
    public static class ParentChildRows
    {
        public static List<TParent> Group<TParent>(IEnumerable<Entity> rows, Func<Entity, TParent> readParent, Action<TParent, Entity> addChild)
        {
            var parents = new List<TParent>();
            var byId = new Dictionary<Guid, TParent>();
            foreach (var row in rows)
            {
                if (!byId.TryGetValue(row.Id, out var parent))
                {
                    parent = readParent(row);
                    byId.Add(row.Id, parent);
                    parents.Add(parent);
                }
                addChild(parent, row);
            }
            return parents;
        }
    }
}
