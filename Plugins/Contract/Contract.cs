namespace LeadLifecycle
{
    /// <summary>
    /// The one vocabulary of both deployables: every table, column and choice of the public contract
    /// (shared/spec/CONTRACT.md), and the solution's own custom APIs and environment variable, each named once.
    /// Compiled into LeadLifecycle.Plugins and, linked, into LeadLifecycle.Workflows (internal in each).
    /// <para>
    /// Naming rule: one nested class per table, named after the table in PascalCase without the publisher prefix
    /// (<c>llc_scoringmodel</c> → <see cref="ScoringModel"/>). In it, <c>LogicalName</c> is the table's logical name,
    /// <c>Id</c> its primary key, and every other member a column named after its logical name in PascalCase without
    /// the prefix (<c>llc_salesreadythreshold</c> → <c>SalesReadyThreshold</c>, <c>parentcontactid</c> →
    /// <c>ParentContactId</c>). One nested class per choice, named after what it chooses, its members named after the
    /// option labels. A logical name shared by several tables is written once (in <see cref="Common"/>, or on the
    /// first table that has it) and referred to by the others. Custom APIs: <c>MessageName</c>, then one member per
    /// parameter, named as the parameter. Source files hold no other logical-name literal
    /// (Tests/Plugins.Tests/Architecture checks it).
    /// </para>
    /// </summary>
    internal static class Contract
    {
        /// <summary>Columns of every table named here (standard system columns, the primary name of llc_ tables).</summary>
        public static class Common
        {
            public const string Name = "llc_name";
            public const string StateCode = "statecode";
            public const string StatusCode = "statuscode";
            public const string CreatedOn = "createdon";
            public const string ModifiedOn = "modifiedon";
            public const string OwnerId = "ownerid";

            /// <summary>statecode of an active row of any table with the standard Active / Inactive state.</summary>
            public const int Active = 0;
        }

        // ---- Lead ---------------------------------------------------------------------------------------------------

        public static class Lead
        {
            public const string LogicalName = "lead";
            public const string Id = "leadid";
            public const string Subject = "subject";
            public const string OwnerId = Common.OwnerId;
            public const string StateCode = Common.StateCode;
            public const string StatusCode = Common.StatusCode;
            public const string ParentContactId = "parentcontactid";
            public const string ParentAccountId = "parentaccountid";

            /// <summary>The person's email: the column of the default contact and lead matching strategies.</summary>
            public const string EmailAddress1 = "emailaddress1";

            /// <summary>Rating: set from the best grade across live scoring models (<see cref="Rating"/>).</summary>
            public const string LeadQualityCode = "leadqualitycode";

            public const string SalesReady = "llc_salesready";
            public const string TeleprospectReady = "llc_teleprospectready";
            public const string TeleprospectAccepted = "llc_teleprospectaccepted";
            public const string SalesAccepted = "llc_salesaccepted";

            /// <summary>Text (100): the marketing form or page the lead came from (lead matching key).</summary>
            public const string MarketingFormId = "llc_marketingformid";

            public const string Score = "llc_score";
            public const string ScoredOn = "llc_scoredon";
            public const string MarketingQualifiedOn = "llc_marketingqualifiedon";

            /// <summary>Text (200): how the parent contact was found, strategy name and columns, or "created".</summary>
            public const string MatchedBy = "llc_matchedby";
            public const int MatchedByMaxLength = 200;

            /// <summary>When the score next changes by time alone (an interaction leaves a rule's window).</summary>
            public const string RescoreOn = "llc_rescoreon";
        }

        /// <summary>Lead statecode.</summary>
        public static class LeadState
        {
            public const int Open = 0;
            public const int Qualified = 1;
            public const int Disqualified = 2;
        }

        /// <summary>Lead statuscode: the standard reasons and the solution's Marketing Qualified under Open.</summary>
        public static class LeadStatus
        {
            public const int New = 1;
            public const int Contacted = 2;
            public const int MarketingQualified = 754100000;
            public const int Qualified = 3;
            public const int Lost = 4;
            public const int CannotContact = 5;
            public const int NoLongerInterested = 6;
            public const int Canceled = 7;
        }

        /// <summary>The standard Rating of leadqualitycode, and the grade of llc_leadscore.llc_grade (same values).</summary>
        public static class Rating
        {
            public const int Hot = 1;
            public const int Warm = 2;
            public const int Cold = 3;

            public static string Label(int rating) => rating == Hot ? "Hot" : rating == Warm ? "Warm" : "Cold";
        }

        // ---- Contact, account, opportunity ------------------------------------------------------------------------

        public static class Contact
        {
            public const string LogicalName = "contact";
            public const string Id = "contactid";
            public const string ParentCustomerId = "parentcustomerid";
            public const string CustomerTypeCode = "customertypecode";
            public const string RelationshipRoles = "llc_relationshiproles";
            public const string CustomerUntil = "llc_customeruntil";
            public const string RelationshipTypeReason = "llc_relationshiptypereason";
            public const string RelationshipTypeChangedOn = "llc_relationshiptypechangedon";

            /// <summary>The next moment time alone can change the type (the review workflows wait for it).</summary>
            public const string RelationshipTypeReviewOn = "llc_relationshiptypereviewon";
        }

        /// <summary>The account carries the same relationship columns as the contact.</summary>
        public static class Account
        {
            public const string LogicalName = "account";
            public const string Id = "accountid";
            public const string CustomerTypeCode = Contact.CustomerTypeCode;
            public const string RelationshipRoles = Contact.RelationshipRoles;
        }

        /// <summary>customertypecode on contact and account (the same four values on both).</summary>
        public static class RelationshipType
        {
            public const int Suspect = 754100000;
            public const int Prospect = 754100001;
            public const int PotentialCustomer = 754100002;
            public const int Customer = 754100003;
        }

        /// <summary>llc_relationshiproles (multi-select): kinds of relationship that are not a stage.</summary>
        public static class RelationshipRole
        {
            public const int Competitor = 754100000;
            public const int Partner = 754100001;
            public const int Supplier = 754100002;
            public const int Vendor = 754100003;
            public const int Reseller = 754100004;
            public const int Consultant = 754100005;
            public const int Influencer = 754100006;
            public const int Investor = 754100007;
            public const int Press = 754100008;
            public const int Other = 754100009;
        }

        public static class Opportunity
        {
            public const string LogicalName = "opportunity";
            public const string Name = "name";
            public const string StateCode = Common.StateCode;
            public const string CustomerId = "customerid";
            public const string ParentContactId = Lead.ParentContactId;
            public const string ParentAccountId = Lead.ParentAccountId;
            public const string ActualCloseDate = "actualclosedate";
        }

        /// <summary>Opportunity statecode.</summary>
        public static class OpportunityState
        {
            public const int Open = 0;
            public const int Won = 1;
            public const int Lost = 2;
        }

        /// <summary>The close activity WinOpportunity and LoseOpportunity carry.</summary>
        public static class OpportunityClose
        {
            public const string OpportunityId = "opportunityid";
        }

        // ---- Matching ---------------------------------------------------------------------------------------------

        public static class MatchingStrategy
        {
            public const string LogicalName = "llc_matchingstrategy";
            public const string Id = "llc_matchingstrategyid";
            public const string Name = Common.Name;
            public const string TargetEntity = "llc_targetentity";

            /// <summary>Comma-separated logical names, all must be equal, never on empty values.</summary>
            public const string Attributes = "llc_attributes";

            public const string IsDefault = "llc_isdefault";
        }

        /// <summary>llc_matchingstrategy.llc_targetentity.</summary>
        public static class StrategyTarget
        {
            public const int Contact = 754100000;
            public const int Lead = 754100001;
        }

        public static class MarketingForm
        {
            public const string LogicalName = "llc_marketingform";

            /// <summary>The primary key has the logical name of the lead's text column that names a form.</summary>
            public const string Id = Lead.MarketingFormId;

            public const string Name = Common.Name;

            /// <summary>Text, alternate key: what a submission names as FormId.</summary>
            public const string FormId = "llc_formid";

            public const string ContactStrategyId = "llc_contactstrategyid";
            public const string LeadStrategyId = "llc_leadstrategyid";
        }

        /// <summary>The lock row that serialises matching for one identity (one of 256 shipped buckets).</summary>
        public static class MatchingLock
        {
            public const string LogicalName = "llc_matchinglock";
            public const string Key = "llc_key";
            public const string Name = Common.Name;
            public const string LockedOn = "llc_lockedon";
        }

        public static class Interaction
        {
            public const string LogicalName = "llc_interaction";
            public const string Id = "llc_interactionid";
            public const string Name = Common.Name;
            public const string ContactId = "llc_contactid";
            public const string LeadId = "llc_leadid";
            public const string Type = "llc_type";
            public const string OccurredOn = "llc_occurredon";
            public const string SourceId = "llc_sourceid";
        }

        /// <summary>llc_interaction.llc_type, and llc_scoringrule.llc_interactiontype.</summary>
        public static class InteractionType
        {
            public const int EmailOpened = 754100000;
            public const int EmailClicked = 754100001;
            public const int FormSubmitted = 754100002;
            public const int WebsiteVisited = 754100003;
            public const int EventRegistered = 754100004;
            public const int EventAttended = 754100005;

            public static bool IsKnown(int? type) => type >= EmailOpened && type <= EventAttended;

            public static string Label(int? type)
            {
                switch (type)
                {
                    case EmailOpened: return "Email Opened";
                    case EmailClicked: return "Email Clicked";
                    case FormSubmitted: return "Form Submitted";
                    case WebsiteVisited: return "Website Visited";
                    case EventRegistered: return "Event Registered";
                    case EventAttended: return "Event Attended";
                    default: return $"type {type}";
                }
            }
        }

        /// <summary>llc_SubmitMarketingForm: inputs FormId and Submission (a lead), outputs the contact and lead.</summary>
        public static class SubmitMarketingForm
        {
            public const string MessageName = "llc_SubmitMarketingForm";
            public const string FormId = "FormId";
            public const string Submission = "Submission";
            public const string ContactId = "ContactId";
            public const string LeadId = "LeadId";
            public const string ContactCreated = "ContactCreated";
            public const string LeadCreated = "LeadCreated";
        }

        // ---- Scoring and qualification ----------------------------------------------------------------------------

        public static class ScoringModel
        {
            public const string LogicalName = "llc_scoringmodel";
            public const string Id = "llc_scoringmodelid";
            public const string Name = Common.Name;
            public const string Status = "llc_status";
            public const string Scope = "llc_scope";
            public const string SalesReadyThreshold = "llc_salesreadythreshold";
            public const string HotThreshold = "llc_hotthreshold";
            public const string WarmThreshold = "llc_warmthreshold";
        }

        /// <summary>
        /// llc_status of scoring models and qualification criteria: only Live definitions take effect; only Draft or
        /// Stopped ones may be edited.
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

        /// <summary>llc_scoringmodel.llc_scope: whose interactions a model counts.</summary>
        public static class ModelScope
        {
            public const int Contact = 754100000;
            public const int Account = 754100001;
        }

        public static class ScoringRule
        {
            public const string LogicalName = "llc_scoringrule";
            public const string Id = "llc_scoringruleid";
            public const string ModelId = "llc_modelid";
            public const string Name = Common.Name;
            public const string Kind = "llc_kind";
            public const string Points = "llc_points";

            /// <summary>Attribute rules: lead, contact or account.</summary>
            public const string Table = "llc_table";

            public const string Attribute = "llc_attribute";
            public const string Operator = "llc_operator";
            public const string Value = "llc_value";
            public const string InteractionType = "llc_interactiontype";
            public const string WithinDays = "llc_withindays";
            public const string MaxCount = "llc_maxcount";
        }

        /// <summary>llc_scoringrule.llc_kind.</summary>
        public static class RuleKind
        {
            public const int Attribute = 754100000;
            public const int Interaction = 754100001;
        }

        /// <summary>llc_scoringrule.llc_operator of attribute rules.</summary>
        public static class RuleOperator
        {
            public const int EqualTo = 754100000;
            public const int NotEqual = 754100001;
            public const int Contains = 754100002;
            public const int GreaterThan = 754100003;
            public const int LessThan = 754100004;
            public const int HasValue = 754100005;

            /// <summary>llc_value is then a ';' list.</summary>
            public const int OneOf = 754100006;

            public static bool IsKnown(int? op) => op >= EqualTo && op <= OneOf;

            public static bool NeedsValue(int? op) => op != HasValue;

            public static string Label(int? op)
            {
                switch (op)
                {
                    case EqualTo: return "equals";
                    case NotEqual: return "not equal to";
                    case Contains: return "contains";
                    case GreaterThan: return "greater than";
                    case LessThan: return "less than";
                    case HasValue: return "has a value";
                    case OneOf: return "one of";
                    default: return "?";
                }
            }
        }

        public static class LeadScore
        {
            public const string LogicalName = "llc_leadscore";
            public const string Id = "llc_leadscoreid";
            public const string Name = Common.Name;
            public const string LeadId = Interaction.LeadId;
            public const string ModelId = ScoringRule.ModelId;
            public const string Score = Lead.Score;
            public const string SalesReady = Lead.SalesReady;

            /// <summary>Same values as the lead's Rating (<see cref="Rating"/>).</summary>
            public const string Grade = "llc_grade";

            public const string CalculatedOn = "llc_calculatedon";
            public const string Explanation = "llc_explanation";
        }

        public static class QualificationCriteria
        {
            public const string LogicalName = "llc_qualificationcriteria";
            public const string Id = "llc_qualificationcriteriaid";
            public const string Name = Common.Name;
            public const string Status = ScoringModel.Status;
            public const string Combine = "llc_combine";
            public const string SetMarketingQualified = "llc_setmarketingqualified";
            public const string SetSalesReady = "llc_setsalesready";
        }

        /// <summary>llc_qualificationcriteria.llc_combine.</summary>
        public static class CriteriaCombine
        {
            public const int All = 754100000;
            public const int Any = 754100001;
        }

        public static class QualificationCondition
        {
            public const string LogicalName = "llc_qualificationcondition";
            public const string Id = "llc_qualificationconditionid";
            public const string CriteriaId = "llc_criteriaid";
            public const string ModelId = ScoringRule.ModelId;
            public const string MinimumScore = "llc_minimumscore";
        }

        /// <summary>llc_RescoreLead, bound to lead: re-scores it → Scored, Score.</summary>
        public static class RescoreLead
        {
            public const string MessageName = "llc_RescoreLead";
            public const string Target = "Target";
            public const string Scored = "Scored";
            public const string Score = "Score";
        }

        /// <summary>llc_ScoringWhatIf: ModelId and/or CriteriaId → counts of open leads, nothing written.</summary>
        public static class ScoringWhatIf
        {
            public const string MessageName = "llc_ScoringWhatIf";
            public const string ModelId = "ModelId";
            public const string CriteriaId = "CriteriaId";
            public const string LeadsEvaluated = "LeadsEvaluated";
            public const string HotCount = "HotCount";
            public const string WarmCount = "WarmCount";
            public const string ColdCount = "ColdCount";
            public const string SalesReadyCount = "SalesReadyCount";
            public const string QualifiedCount = "QualifiedCount";
        }

        // ---- Relationship type ------------------------------------------------------------------------------------

        public static class RetentionRule
        {
            public const string LogicalName = "llc_retentionrule";
            public const string Name = Common.Name;
            public const string StateCode = Common.StateCode;
            public const string Order = "llc_order";
            public const string MonthsAfterTerm = "llc_monthsafterterm";

            /// <summary>Prospect or Potential Customer (<see cref="RelationshipType"/>).</summary>
            public const string TargetType = "llc_targettype";
        }

        /// <summary>
        /// A background job of the solution (issue #19): work over many records runs in bounded pages, each page its own
        /// execution, and this row shows admins its state and progress (Settings → Background Jobs).
        /// </summary>
        public static class Job
        {
            public const string LogicalName = "llc_job";
            public const string Id = "llc_jobid";
            public const string Name = Common.Name;

            /// <summary><see cref="JobType"/> (the column name interactions use for their type).</summary>
            public const string Type = Interaction.Type;

            /// <summary><see cref="JobState"/>.</summary>
            public const string State = "llc_state";
            public const string ProcessedCount = "llc_processedcount";

            /// <summary>Records whose value the job changed (a lead's score or qualification, a record's relationship type).</summary>
            public const string ChangedCount = "llc_changedcount";
            public const string FailedCount = "llc_failedcount";
            public const string PageCount = "llc_pagecount";
            public const string LastError = "llc_lasterror";
            public const string StartedOn = "llc_startedon";
            public const string FinishedOn = "llc_finishedon";

            /// <summary>Writing it runs the next page (a synchronous step filtered on it, inside that update's transaction).</summary>
            public const string PageRequestedOn = "llc_pagerequestedon";

            /// <summary>Writing it resumes a job (an asynchronous step filtered on it).</summary>
            public const string ResumeRequestedOn = "llc_resumerequestedon";

            /// <summary>Time-driven jobs: records due up to this moment.</summary>
            public const string DueBy = "llc_dueby";

            /// <summary>The id of the last record of the last committed page.</summary>
            public const string Cursor = "llc_cursor";

            /// <summary>The record a job is for (an account id), when not organization-wide.</summary>
            public const string ScopeId = "llc_scopeid";

            /// <summary>The records a <see cref="JobType.RecalculateRelationshipTypes"/> job was asked for (a memo column, one
            /// record a line; see <see cref="Data.RecordList"/>).</summary>
            public const string Input = "llc_input";

            /// <summary>When the page being attempted started (written by the pump before the page, cleared by the page's commit
            /// or by the pump recording its failure): still set on resume means the attempt never finished.</summary>
            public const string AttemptStartedOn = "llc_attemptstartedon";
        }

        /// <summary>What a <see cref="Job"/> does.</summary>
        public static class JobType
        {
            public const int RescoreOpenLeads = 754100000;
            public const int RescoreAccountLeads = 754100001;
            public const int RecalculateRelationshipTypes = 754100002;
            public const int DueLeadRescores = 754100003;
            public const int DueContactReviews = 754100004;
            public const int DueAccountReviews = 754100005;

            /// <summary>Not a job: the one row (<see cref="Jobs.ScheduledWorkMarker"/>) where llc_RunScheduledWork keeps, in
            /// llc_dueby, the moment its next full check is due, so a run with nothing due costs one query.</summary>
            public const int ScheduledWork = 754100006;

            public static string Label(int? type)
            {
                switch (type)
                {
                    case RescoreOpenLeads: return "Re-score open leads";
                    case RescoreAccountLeads: return "Re-score an account's open leads";
                    case RecalculateRelationshipTypes: return "Recalculate relationship types";
                    case DueLeadRescores: return "Due lead re-scores";
                    case DueContactReviews: return "Due contact relationship-type reviews";
                    case DueAccountReviews: return "Due account relationship-type reviews";
                    case ScheduledWork: return "Scheduled work (next check)";
                    default: return "unknown";
                }
            }
        }

        /// <summary>The state of a <see cref="Job"/>.</summary>
        public static class JobState
        {
            public const int Queued = 754100000;
            public const int Running = 754100001;
            public const int Completed = 754100002;
            public const int Failed = 754100003;
        }

        /// <summary>The custom API the scheduled cloud flow calls: resumes background jobs and starts the time-driven ones.</summary>
        public static class RunScheduledWork
        {
            public const string MessageName = "llc_RunScheduledWork";
            public const string JobsStarted = "JobsStarted";
            public const string JobsResumed = "JobsResumed";
        }

        /// <summary>The environment variable of the customer term, in months (default 12).</summary>
        public static class CustomerTermMonths
        {
            public const string SchemaName = "llc_CustomerTermMonths";
            public const int Default = 12;
        }

        /// <summary>
        /// The recalculation custom APIs. A custom API is bound to at most one table, so the bound forms are two APIs:
        /// contact and account (Target) → RelationshipType, Reason, Changed; the unbound one takes ContactIds and
        /// AccountIds (string arrays of ids, up to 1,000 in all) → EvaluatedCount, ChangedCount, and, when more records were
        /// given than one call recalculates at once, JobId and QueuedCount (the background job that does them in pages).
        /// </summary>
        public static class RecalculateRelationshipType
        {
            public const string MessageName = "llc_RecalculateRelationshipType";
            public const string ContactMessageName = "llc_RecalculateContactRelationshipType";
            public const string AccountMessageName = "llc_RecalculateAccountRelationshipType";
            public const string Target = "Target";
            public const string ContactIds = "ContactIds";
            public const string AccountIds = "AccountIds";
            public const string EvaluatedCount = "EvaluatedCount";
            public const string ChangedCount = "ChangedCount";
            public const string JobId = "JobId";
            public const string QueuedCount = "QueuedCount";
            public const string RelationshipType = "RelationshipType";
            public const string Reason = "Reason";
            public const string Changed = "Changed";
        }

        // ---- Business process flow --------------------------------------------------------------------------------

        /// <summary>The lead's business process flow table, bound through bpf_leadid.</summary>
        public static class LeadLifecycleProcess
        {
            /// <summary>Also the flow's unique name (workflow.uniquename).</summary>
            public const string LogicalName = "llc_leadlifecycleprocess";

            public const string Id = "businessprocessflowinstanceid";
            public const string Name = "bpf_name";
            public const string LeadId = "bpf_leadid";
            public const string ProcessId = "processid";
            public const string ActiveStageId = "activestageid";
            public const string ActiveStageStartedOn = "activestagestartedon";
            public const string TraversedPath = "traversedpath";
            public const string CreatedOn = Common.CreatedOn;

            /// <summary>The stages, in the flow's order.</summary>
            public static readonly string[] StageNames =
            {
                "Inquiry", "Automated Marketing Qualification", "Teleprospecting Acceptance", "Teleprospecting Qualification", "Sales Acceptance",
            };
        }

        /// <summary>Process definitions as Dataverse stores them.</summary>
        public static class Workflow
        {
            public const string LogicalName = "workflow";
            public const string Id = "workflowid";
            public const string UniqueName = "uniquename";
        }

        public static class ProcessStage
        {
            public const string LogicalName = "processstage";
            public const string Id = "processstageid";
            public const string StageName = "stagename";
            public const string ProcessId = LeadLifecycleProcess.ProcessId;
        }

        /// <summary>The task created when a lead enters Teleprospecting Acceptance or Sales Acceptance.</summary>
        public static class Task
        {
            public const string LogicalName = "task";
            public const string Id = "activityid";
            public const string Subject = Lead.Subject;
            public const string Description = "description";
            public const string RegardingObjectId = "regardingobjectid";
            public const string OwnerId = Common.OwnerId;
        }

        // ---- Environment variables --------------------------------------------------------------------------------

        public static class EnvironmentVariableDefinition
        {
            public const string LogicalName = "environmentvariabledefinition";
            public const string Id = "environmentvariabledefinitionid";
            public const string SchemaName = "schemaname";
            public const string DefaultValue = "defaultvalue";
        }

        public static class EnvironmentVariableValue
        {
            public const string LogicalName = "environmentvariablevalue";
            public const string DefinitionId = EnvironmentVariableDefinition.Id;
            public const string Value = "value";
        }
    }
}
