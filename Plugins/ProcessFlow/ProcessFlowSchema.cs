namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>The lead business process flow table (contract: llc_leadlifecycleprocess, bound through bpf_leadid).</summary>
    public static class LeadProcessTable
    {
        public const string Name = "llc_leadlifecycleprocess";
        public const string Id = "businessprocessflowinstanceid";
        public const string DisplayName = "bpf_name";
        public const string LeadId = "bpf_leadid";
        public const string ProcessId = "processid";
        public const string ActiveStageId = "activestageid";
        public const string ActiveStageStartedOn = "activestagestartedon";
        public const string TraversedPath = "traversedpath";
    }

    /// <summary>Process definitions and their stages, as Dataverse stores them (workflow, processstage).</summary>
    public static class ProcessTables
    {
        public const string Workflow = "workflow";
        public const string WorkflowId = "workflowid";
        public const string UniqueName = "uniquename";
        public const string Stage = "processstage";
        public const string StageId = "processstageid";
        public const string StageName = "stagename";
        public const string StageProcessId = "processid";
    }
}
