namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Interaction types (contract: llc_interaction.llc_type).</summary>
    public static class InteractionType
    {
        public static string Label(int? type)
        {
            switch (type)
            {
                case 754100000: return "Email Opened";
                case 754100001: return "Email Clicked";
                case 754100002: return "Form Submitted";
                case 754100003: return "Website Visited";
                case 754100004: return "Event Registered";
                case 754100005: return "Event Attended";
                default: return $"type {type}";
            }
        }

        public static bool IsKnown(int? type) => type >= 754100000 && type <= 754100005;
    }
}
