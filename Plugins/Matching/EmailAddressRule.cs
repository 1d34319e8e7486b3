using System;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Email columns used for matching must hold an address (name@domain.tld): a malformed one would create a
    /// contact that no later submission of the same person could ever match.
    /// </summary>
    public static class EmailAddressRule
    {
        private static readonly string[] EmailColumns = { "emailaddress1", "emailaddress2", "emailaddress3" };
        private static readonly Regex Address = new Regex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant);

        /// <summary>Throws, without echoing the value, when a present email column is not a valid address.</summary>
        public static void Validate(Func<string, object?> read)
        {
            foreach (var column in EmailColumns)
            {
                if (read(column) is string value && value.Trim().Length > 0 && !Address.IsMatch(value.Trim()))
                {
                    throw new InvalidPluginExecutionException(
                        $"The email address in {column} is not valid. Enter an address such as name@example.com.");
                }
            }
        }
    }
}
