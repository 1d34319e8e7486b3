using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Conditions;

/// <summary>
/// The options chosen in a multi-select choice column as one comparable key ("1,9": sorted, distinct), whether they
/// come as an OptionSetValueCollection, an int, an OptionSetValue, an int[] or the Web API's "1,9" text.
/// </summary>
internal static class ChoiceSet
{
    public static string? KeyOf(object? value, string column)
    {
        var options = new SortedSet<int>();
        switch (value)
        {
            case null: return null;
            case OptionSetValueCollection collection:
                foreach (var option in collection) if (option is not null) options.Add(option.Value);
                break;
            case OptionSetValue option: options.Add(option.Value); break;
            case int number: options.Add(number); break;
            case string text:
                foreach (var part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                        throw QueryFault.BadArgument($"Condition for attribute '{column}': '{text}' is not a list of choice values.");
                    options.Add(parsed);
                }
                break;
            case System.Collections.IEnumerable items:
                foreach (var item in items)
                {
                    if (item is OptionSetValue o) options.Add(o.Value);
                    else if (item is int n) options.Add(n);
                    else throw QueryFault.BadArgument($"Condition for attribute '{column}': '{item}' is not a choice value.");
                }
                break;
            default:
                throw QueryFault.BadArgument($"Condition for attribute '{column}': '{value}' is not a choice value.");
        }
        return options.Count == 0 ? null : string.Join(",", options);
    }
}
