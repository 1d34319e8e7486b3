using System;
using System.Activities;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.Workflows
{
    /// <summary>The services a workflow activity needs, resolved once per execution from the activity context's extensions.</summary>
    public sealed class LocalWorkflowContext
    {
        public LocalWorkflowContext(CodeActivityContext activityContext)
        {
            ActivityContext = activityContext ?? throw new ArgumentNullException(nameof(activityContext));
            WorkflowContext = Require<IWorkflowContext>(activityContext);
            OrgSvcFactory = Require<IOrganizationServiceFactory>(activityContext);
            TracingService = Require<ITracingService>(activityContext);
            WorkflowUserService = OrgSvcFactory.CreateOrganizationService(WorkflowContext.UserId);
            InitiatingUserService = OrgSvcFactory.CreateOrganizationService(WorkflowContext.InitiatingUserId);
        }

        /// <summary>Read inputs / write outputs: <c>Input.Get(ActivityContext)</c>, <c>Output.Set(ActivityContext, value)</c>.</summary>
        public CodeActivityContext ActivityContext { get; }

        public IWorkflowContext WorkflowContext { get; }

        public IOrganizationServiceFactory OrgSvcFactory { get; }

        /// <summary>Service acting as the workflow's user (context.UserId).</summary>
        public IOrganizationService WorkflowUserService { get; }

        /// <summary>Service acting as the user who started the operation (context.InitiatingUserId).</summary>
        public IOrganizationService InitiatingUserService { get; }

        public ITracingService TracingService { get; }

        /// <summary>Writes one trace line prefixed with the calling method. Never pass personal data.</summary>
        public void Trace(string message, [CallerMemberName] string? method = null)
        {
            TraceLine.Write(TracingService, message, method);
        }

        private static T Require<T>(CodeActivityContext context) where T : class
        {
            return context.GetExtension<T>()
                ?? throw new InvalidPluginExecutionException("The workflow host did not provide " + typeof(T).Name + ".");
        }
    }
}
