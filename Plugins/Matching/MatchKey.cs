using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// The values a record offers for a strategy's columns, normalised the way matching compares them:
    /// strings trimmed (the comparison itself is case-insensitive, as Dataverse's collation is), empty strings
    /// counted as no value, lookups and choices compared by their id / number.
    /// </summary>
    public sealed class MatchKey
    {
        private readonly IReadOnlyList<KeyValuePair<string, object?>> values;

        private MatchKey(MatchingStrategy strategy, IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            Strategy = strategy;
            this.values = values;
        }

        public MatchingStrategy Strategy { get; }

        /// <summary>Every strategy column has a value: the only case in which a match may be looked for.</summary>
        public bool IsComplete => values.All(v => v.Value != null);

        /// <summary>No strategy column has a value: nothing to match on.</summary>
        public bool IsEmpty => values.All(v => v.Value == null);

        /// <summary>The strategy columns without a value, in strategy order.</summary>
        public IEnumerable<string> EmptyColumns => values.Where(v => v.Value == null).Select(v => v.Key);

        /// <summary>(column, value to compare) for each strategy column; only meaningful when complete.</summary>
        public IEnumerable<KeyValuePair<string, object?>> Conditions => values;

        /// <summary>Reads the strategy's columns through <paramref name="read"/> (target over image, submission, ...).</summary>
        public static MatchKey From(MatchingStrategy strategy, Func<string, object?> read)
        {
            var values = strategy.Attributes
                .Select(a => new KeyValuePair<string, object?>(a, Normalise(read(a))))
                .ToList();
            return new MatchKey(strategy, values);
        }

        /// <summary>
        /// The lock bucket of this identity (strategy + values, case-folded): the first byte of its SHA-256 hash, as two
        /// hex digits. The same person always lands in the same bucket; the key holds no personal data. Used only while a
        /// person's own lock row (<see cref="PersonLockKey"/>) is created for the first time.
        /// </summary>
        public string LockBucket(string scope) => IdentityHash(scope).Substring(0, 2);

        /// <summary>
        /// The key of this identity's own lock row: the first 16 bytes of the same SHA-256 hash, as 32 hex digits. Two
        /// people sharing it (a 128-bit collision) would only share a lock. Pseudonymous, not anonymous: whoever already
        /// knows an address and the strategy can recompute it; the row carries nothing else.
        /// </summary>
        public string PersonLockKey(string scope) => IdentityHash(scope).Substring(0, 32);

        private string IdentityHash(string scope)
        {
            var text = new StringBuilder(scope).Append('|').Append(Strategy.Id.ToString("N"));
            foreach (var pair in values)
            {
                text.Append('|').Append(pair.Key).Append('=').Append(Text(pair.Value).ToUpperInvariant());
            }
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                var hex = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }
                return hex.ToString();
            }
        }

        private static object? Normalise(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    var trimmed = s.Trim();
                    return trimmed.Length == 0 ? null : trimmed;
                case EntityReference reference:
                    return reference.Id == Guid.Empty ? null : (object)reference.Id;
                case OptionSetValue option:
                    return option.Value;
                case Money money:
                    return money.Value;
                default:
                    return value;
            }
        }

        private static string Text(object? value) =>
            Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
