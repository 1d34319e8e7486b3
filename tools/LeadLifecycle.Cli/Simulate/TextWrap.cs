namespace LeadLifecycle.Cli.Simulate;

/// <summary>Wraps text to a width between words (a word longer than a whole line is split, as nothing else fits).</summary>
public static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, int width, string firstIndent, string nextIndent)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder(firstIndent);
        var indent = firstIndent;
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var remaining = word;
            while (remaining.Length > 0)
            {
                var room = width - line.Length - (empty ? 0 : 1);
                if (remaining.Length <= room)
                {
                    if (!empty) line.Append(' ');
                    line.Append(remaining);
                    empty = false;
                    remaining = "";
                }
                else if (!empty)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(nextIndent);
                    indent = nextIndent;
                    empty = true;
                }
                else
                {
                    // Alone on its line and still too long (a long URL or id): split it.
                    var take = Math.Max(1, width - indent.Length);
                    line.Append(remaining[..Math.Min(take, remaining.Length)]);
                    remaining = remaining[Math.Min(take, remaining.Length)..];
                    if (remaining.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear().Append(nextIndent);
                        indent = nextIndent;
                    }
                    else empty = false;
                }
            }
        }
        if (!empty || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }
}
