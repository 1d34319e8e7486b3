namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// The life cycle shared by scoring models and qualification criteria (contract: llc_status).
    /// Only Live definitions take effect; only Draft or Stopped ones may be edited.
    /// </summary>
    public static class DefinitionStatus
    {
        public const int Draft = 754100000;
        public const int Live = 754100001;
        public const int Stopped = 754100002;

        public static string Label(int? status)
        {
            switch (status)
            {
                case Draft: return "Draft";
                case Live: return "Live";
                case Stopped: return "Stopped";
                default: return "unknown";
            }
        }
    }
}
