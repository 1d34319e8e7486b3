using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using static LeadLifecycle.Sdk.Tests.Behaviour.ContractXml;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>
/// Entities and execution contexts serialize with DataContractSerializer the way the official SDK writes them (service
/// endpoints, webhooks and captured plug-in contexts carry exactly this), and read back equal. The shapes asserted here
/// come from the official contracts (tools/Sdk/official-sdk-contracts.txt), the organization service WSDL's type names
/// (see <see cref="ContractXml"/>) and the RemoteExecutionContext body that learn.microsoft.com shows for a webhook
/// (https://learn.microsoft.com/power-apps/developer/data-platform/use-webhooks#request-body, MicrosoftDocs/powerapps-docs
/// powerapps-docs/developer/data-platform/use-webhooks.md). With -p:DataverseSdk=Official they run against the official
/// assemblies, which must pass them too.
/// </summary>
public class DataContractSerializationTests
{
    private static readonly Guid LeadId = new("0f8e4c1a-6b61-4a0e-9b7a-3d2a6a9e1c01");
    private static readonly Guid ContactId = new("5d2f7a3c-2e4b-4c1d-8f6e-1a2b3c4d5e02");
    private static readonly Guid TaskId = new("8a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c03");
    private static readonly DateTime CreatedOn = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    [Fact]
    public void An_entity_with_every_value_kind_reads_back_equal()
    {
        Entity read = Deserialize<Entity>(Serialize(LeadWithEveryValueKind()));

        Assert.Equal("lead", read.LogicalName);
        Assert.Equal(LeadId, read.Id);
        Assert.Equal("Trade show inquiry", read["subject"]);
        Assert.Equal(250, read["numberofemployees"]);
        Assert.Equal(1.0625m, read["exchangerate"]);
        Assert.Equal(new Money(125000.50m), read["budgetamount"]);
        Assert.Equal(new OptionSetValue(1), read["leadqualitycode"]);
        Assert.Equal(new[] { 100000000, 100000002 }, read.GetAttributeValue<OptionSetValueCollection>("interestcodes").Select(option => option.Value));
        var contact = read.GetAttributeValue<EntityReference>("parentcontactid");
        Assert.Equal(new EntityReference("contact", ContactId), contact);
        Assert.Equal("Nancy Anderson", contact.Name);
        var aliased = read.GetAttributeValue<AliasedValue>("account.name");
        Assert.Equal(("account", "name", (object)"Contoso"), (aliased.EntityLogicalName, aliased.AttributeLogicalName, aliased.Value));
        var createdOn = read.GetAttributeValue<DateTime>("createdon");
        Assert.Equal(CreatedOn, createdOn);
        Assert.Equal(DateTimeKind.Utc, createdOn.Kind);
        Assert.False((bool)read["donotemail"]);
        Assert.True(read.Contains("description"));
        Assert.Null(read["description"]);
        Assert.Equal("Hot", read.FormattedValues["leadqualitycode"]);
        Assert.Equal("7341102", read.RowVersion);
        Assert.Equal(EntityState.Changed, read.EntityState);
        Entity task = Assert.Single(read.RelatedEntities[new Relationship("Lead_Tasks")].Entities);
        Assert.Equal(("task", TaskId, (object)"Call back"), (task.LogicalName, task.Id, task["subject"]));
    }

    [Fact]
    public void An_entity_is_written_with_the_official_names_and_namespaces()
    {
        XElement entity = XElement.Parse(Serialize(LeadWithEveryValueKind()));

        Assert.Equal(Contracts + "Entity", entity.Name);
        // The members in the order DataContractSerializer writes them (alphabetical, no Order set), as in the webhook body.
        Assert.Equal(
            new[] { "Attributes", "EntityState", "FormattedValues", "Id", "KeyAttributes", "LogicalName", "RelatedEntities", "RowVersion" },
            ChildNames(entity));
        Assert.All(entity.Elements(), member => Assert.Equal(Contracts, member.Name.Namespace));

        XElement attributes = entity.Element(Contracts + "Attributes")!;
        Assert.All(attributes.Elements(), item => Assert.Equal(Contracts + "KeyValuePairOfstringanyType", item.Name));
        IReadOnlyDictionary<string, XElement> values = ValuesByKey(attributes);
        Assert.Equal(Schema + "string", DeclaredType(values["subject"]));
        Assert.Equal(Schema + "int", DeclaredType(values["numberofemployees"]));
        Assert.Equal(Schema + "decimal", DeclaredType(values["exchangerate"]));
        Assert.Equal(Schema + "dateTime", DeclaredType(values["createdon"]));
        Assert.Equal(Schema + "boolean", DeclaredType(values["donotemail"]));
        Assert.Equal("true", values["description"].Attribute(Instance + "nil")?.Value);

        Assert.Equal(Contracts + "Money", DeclaredType(values["budgetamount"]));
        Assert.Equal("125000.50", values["budgetamount"].Element(Contracts + "Value")?.Value);
        Assert.Equal(Contracts + "OptionSetValue", DeclaredType(values["leadqualitycode"]));
        Assert.Equal("1", values["leadqualitycode"].Element(Contracts + "Value")?.Value);

        // A multi-select value: the 9.0 collection contract, its items named after OptionSetValue in the collection's namespace.
        XElement interests = values["interestcodes"];
        Assert.Equal(Contracts90 + "OptionSetValueCollection", DeclaredType(interests));
        Assert.Equal(new[] { "100000000", "100000002" }, interests.Elements(Contracts90 + "OptionSetValue").Select(option => option.Element(Contracts + "Value")!.Value));

        XElement contact = values["parentcontactid"];
        Assert.Equal(Contracts + "EntityReference", DeclaredType(contact));
        Assert.Equal(new[] { "Id", "KeyAttributes", "LogicalName", "Name", "RowVersion" }, ChildNames(contact));
        Assert.Equal(ContactId.ToString(), contact.Element(Contracts + "Id")?.Value);

        XElement aliased = values["account.name"];
        Assert.Equal(Contracts + "AliasedValue", DeclaredType(aliased));
        Assert.Equal(new[] { "AttributeLogicalName", "EntityLogicalName", "NeedFormatting", "ReturnType", "Value" }, ChildNames(aliased));
        Assert.Equal(Schema + "string", DeclaredType(aliased.Element(Contracts + "Value")!));

        XElement formatted = Assert.Single(entity.Element(Contracts + "FormattedValues")!.Elements());
        Assert.Equal(Contracts + "KeyValuePairOfstringstring", formatted.Name);
        Assert.Equal(new[] { Generic + "key", Generic + "value" }, formatted.Elements().Select(part => part.Name));

        // The schema type name the organization service WSDL gives RelatedEntityCollection items.
        XElement related = Assert.Single(entity.Element(Contracts + "RelatedEntities")!.Elements());
        Assert.Equal(Contracts + "KeyValuePairOfRelationshipEntityCollectionX_PsK4FkN", related.Name);
        Assert.Equal(new[] { "PrimaryEntityRole", "SchemaName" }, ChildNames(related.Element(Generic + "key")!));
        Assert.Equal("Lead_Tasks", related.Element(Generic + "key")!.Element(Contracts + "SchemaName")?.Value);
        Assert.Equal(Contracts + "Entity", related.Element(Generic + "value")!.Element(Contracts + "Entities")!.Elements().Single().Name);
    }

    [Fact]
    public void An_execution_context_with_images_and_shared_variables_reads_back_equal()
    {
        RemoteExecutionContext read = Deserialize<RemoteExecutionContext>(Serialize(UpdateContext()));

        Assert.Equal(("Update", "lead", LeadId, 40, 1, 2), (read.MessageName, read.PrimaryEntityName, read.PrimaryEntityId, read.Stage, read.Mode, read.Depth));
        Assert.Equal(CreatedOn, read.OperationCreatedOn);
        Assert.Equal(new EntityReference("sdkmessageprocessingstep", TaskId), read.OwningExtension);
        var target = (Entity)read.InputParameters["Target"];
        Assert.Equal(("lead", LeadId, (object)new OptionSetValue(2)), (target.LogicalName, target.Id, target["leadqualitycode"]));
        Assert.Equal(new OptionSetValue(1), read.PreEntityImages["PreImage"]["leadqualitycode"]);
        Assert.Equal(new Money(125000.50m), read.PreEntityImages["PreImage"]["budgetamount"]);
        Assert.Equal(new OptionSetValue(2), read.PostEntityImages["PostImage"]["leadqualitycode"]);
        Assert.Equal(new EntityReference("contact", ContactId), read.PostEntityImages["PostImage"]["parentcontactid"]);
        Assert.True((bool)read.SharedVariables["leadlifecycle.evaluated"]);
        Assert.Equal(3, read.SharedVariables["leadlifecycle.passes"]);
        Assert.Equal(new[] { "emailaddress1", "llc_marketingformid" }, read.SharedVariables["leadlifecycle.matchedon"]);
        Assert.Equal(new EntityReference("contact", ContactId), read.SharedVariables["leadlifecycle.contact"]);
        Assert.Equal(("Update", 30, 1), (read.ParentContext.MessageName, read.ParentContext.Stage, read.ParentContext.Depth));
        Assert.Equal(new OptionSetValue(2), ((Entity)read.ParentContext.InputParameters["Target"])["leadqualitycode"]);
    }

    [Fact]
    public void An_execution_context_is_written_with_the_official_names_and_namespaces()
    {
        XElement context = XElement.Parse(Serialize(UpdateContext()));

        Assert.Equal(Contracts + "RemoteExecutionContext", context.Name);
        // The webhook body's member order, with the three members added since (IsRequired=false) in their places.
        Assert.Equal(
            new[]
            {
                "BusinessUnitId", "CorrelationId", "Depth", "InitiatingUserAgent", "InitiatingUserAzureActiveDirectoryObjectId",
                "InitiatingUserId", "InputParameters", "IsExecutingOffline", "IsInTransaction", "IsOfflinePlayback", "IsolationMode",
                "MessageName", "Mode", "OperationCreatedOn", "OperationId", "OrganizationId", "OrganizationName", "OutputParameters",
                "OwningExtension", "ParentContext", "PostEntityImages", "PreEntityImages", "PrimaryEntityId", "PrimaryEntityName",
                "RequestId", "SecondaryEntityName", "SharedVariables", "Stage", "UserAzureActiveDirectoryObjectId", "UserId",
            },
            ChildNames(context));

        XElement input = context.Element(Contracts + "InputParameters")!;
        Assert.All(input.Elements(), item => Assert.Equal(Contracts + "KeyValuePairOfstringanyType", item.Name));
        Assert.Equal(Contracts + "Entity", DeclaredType(ValuesByKey(input)["Target"]));

        // Images are typed Entity: no xsi:type on the value (the webhook body has no __type there either). The item name's
        // suffix hashes the namespaces of its type arguments (XML Schema, 2011 Contracts): the WSDL's
        // KeyValuePairOfstringQueryBasegUGIFE1S has the same pair, hence the same suffix.
        foreach (string images in new[] { "PreEntityImages", "PostEntityImages" })
        {
            XElement image = Assert.Single(context.Element(Contracts + images)!.Elements());
            Assert.Equal(Contracts + "KeyValuePairOfstringEntitygUGIFE1S", image.Name);
            Assert.Null(DeclaredType(image.Element(Generic + "value")!));
            Assert.Equal(Contracts + "Attributes", image.Element(Generic + "value")!.Elements().First().Name);
        }

        IReadOnlyDictionary<string, XElement> shared = ValuesByKey(context.Element(Contracts + "SharedVariables")!);
        Assert.Equal(Schema + "boolean", DeclaredType(shared["leadlifecycle.evaluated"]));
        Assert.Equal(Arrays + "ArrayOfstring", DeclaredType(shared["leadlifecycle.matchedon"]));
        Assert.Equal(new[] { "emailaddress1", "llc_marketingformid" }, shared["leadlifecycle.matchedon"].Elements(Arrays + "string").Select(item => item.Value));
        Assert.Equal(Contracts + "EntityReference", DeclaredType(shared["leadlifecycle.contact"]));

        Assert.Equal(new[] { "Id", "KeyAttributes", "LogicalName", "Name", "RowVersion" }, ChildNames(context.Element(Contracts + "OwningExtension")!));
        Assert.Equal(Contracts + "InputParameters", context.Element(Contracts + "ParentContext")!.Element(Contracts + "InputParameters")?.Name);
    }

    [Fact]
    public void An_execution_context_is_written_as_the_webhook_json_body()
    {
        string json = SerializeJson(UpdateContext());
        using JsonDocument body = JsonDocument.Parse(json);

        Assert.Equal(
            ChildNames(XElement.Parse(Serialize(UpdateContext()))),
            body.RootElement.EnumerateObject().Select(member => member.Name));
        // DataContractJsonSerializer escapes '/', which is how the documented body reads: "Entity:http:\/\/schemas...".
        Assert.Contains("\"__type\":\"Entity:http:\\/\\/schemas.microsoft.com\\/xrm\\/2011\\/Contracts\"", json, StringComparison.Ordinal);
        JsonElement target = body.RootElement.GetProperty("InputParameters")[0];
        Assert.Equal(new[] { "key", "value" }, target.EnumerateObject().Select(member => member.Name));
        Assert.Equal("Target", target.GetProperty("key").GetString());
        JsonElement postImage = body.RootElement.GetProperty("PostEntityImages")[0].GetProperty("value");
        Assert.False(postImage.TryGetProperty("__type", out _));
        Assert.Equal(
            new[] { "Attributes", "EntityState", "FormattedValues", "Id", "KeyAttributes", "LogicalName", "RelatedEntities", "RowVersion" },
            postImage.EnumerateObject().Select(member => member.Name));
    }

    [Fact]
    public void A_webhook_json_body_reads_into_an_execution_context()
    {
        // Shaped like the documented body (an asynchronous post-operation Update of a contact), with this test's own values.
        const string Body = """
            {"BusinessUnitId":"c1f0a9d2-3b4e-4f50-8a61-7b8c9d0e1f12","CorrelationId":"a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c13",
             "Depth":1,"InitiatingUserId":"b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14",
             "InputParameters":[{"key":"Target","value":{"__type":"Entity:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts",
               "Attributes":[{"key":"firstname","value":"Nancy"},
                 {"key":"modifiedon","value":"\/Date(1741944413000)\/"},
                 {"key":"modifiedby","value":{"__type":"EntityReference:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts",
                   "Id":"b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14","KeyAttributes":[],"LogicalName":"systemuser","Name":null,"RowVersion":null}},
                 {"key":"modifiedonbehalfby","value":null}],
               "EntityState":null,"FormattedValues":[],"Id":"5d2f7a3c-2e4b-4c1d-8f6e-1a2b3c4d5e02","KeyAttributes":[],
               "LogicalName":"contact","RelatedEntities":[],"RowVersion":null}}],
             "IsExecutingOffline":false,"IsInTransaction":false,"IsOfflinePlayback":false,"IsolationMode":1,"MessageName":"Update",
             "Mode":1,"OperationCreatedOn":"\/Date(1741944413000-0700)\/","OperationId":"d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f15",
             "OrganizationId":"e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a16","OrganizationName":"contoso","OutputParameters":[],
             "OwningExtension":{"Id":"f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b17","KeyAttributes":[],"LogicalName":"sdkmessageprocessingstep","Name":null,"RowVersion":null},
             "ParentContext":null,
             "PostEntityImages":[{"key":"AsynchronousStepPrimaryName","value":{"Attributes":[{"key":"fullname","value":"Nancy Anderson"}],
               "EntityState":null,"FormattedValues":[],"Id":"5d2f7a3c-2e4b-4c1d-8f6e-1a2b3c4d5e02","KeyAttributes":[],"LogicalName":"contact",
               "RelatedEntities":[],"RowVersion":null}}],
             "PreEntityImages":[],"PrimaryEntityId":"5d2f7a3c-2e4b-4c1d-8f6e-1a2b3c4d5e02","PrimaryEntityName":"contact","RequestId":null,
             "SecondaryEntityName":"none","SharedVariables":[],"Stage":40,"UserId":"b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14"}
            """;

        var context = DeserializeJson<RemoteExecutionContext>(Body);

        Assert.Equal(("Update", "contact", ContactId, 40, 1), (context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, context.Stage, context.Mode));
        var target = (Entity)context.InputParameters["Target"];
        Assert.Equal(("contact", ContactId, (object)"Nancy"), (target.LogicalName, target.Id, target["firstname"]));
        // JSON has no type hint for a date in an untyped value: it reads back as the documented "\/Date(ms)\/" text.
        Assert.Equal("/Date(1741944413000)/", target["modifiedon"]);
        Assert.Equal(new EntityReference("systemuser", new Guid("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14")), target["modifiedby"]);
        Assert.Null(target["modifiedonbehalfby"]);
        Assert.Equal("Nancy Anderson", context.PostEntityImages["AsynchronousStepPrimaryName"]["fullname"]);
        Assert.Equal("sdkmessageprocessingstep", context.OwningExtension.LogicalName);
        Assert.Null(context.ParentContext);
        Assert.Equal(0, context.PreEntityImages.Count);
    }

    private static Entity LeadWithEveryValueKind()
    {
        var lead = new Entity("lead", LeadId)
        {
            ["subject"] = "Trade show inquiry",
            ["numberofemployees"] = 250,
            ["exchangerate"] = 1.0625m,
            ["budgetamount"] = new Money(125000.50m),
            ["leadqualitycode"] = new OptionSetValue(1),
            ["interestcodes"] = new OptionSetValueCollection(new[] { new OptionSetValue(100000000), new OptionSetValue(100000002) }),
            ["parentcontactid"] = new EntityReference("contact", ContactId) { Name = "Nancy Anderson" },
            ["account.name"] = new AliasedValue("account", "name", "Contoso"),
            ["createdon"] = CreatedOn,
            ["donotemail"] = false,
            ["description"] = null,
        };
        lead.FormattedValues["leadqualitycode"] = "Hot";
        lead.RowVersion = "7341102";
        lead.EntityState = EntityState.Changed;
        var task = new Entity("task", TaskId) { ["subject"] = "Call back" };
        lead.RelatedEntities[new Relationship("Lead_Tasks")] = new EntityCollection(new List<Entity> { task }) { EntityName = "task" };
        return lead;
    }

    /// <summary>A post-operation Update of a lead, with a pre- and a post-image, shared variables and its parent context.</summary>
    private static RemoteExecutionContext UpdateContext()
    {
        var parent = new RemoteExecutionContext { MessageName = "Update", PrimaryEntityName = "lead", Stage = 30, Depth = 1, Mode = 0 };
        parent.InputParameters["Target"] = new Entity("lead", LeadId) { ["leadqualitycode"] = new OptionSetValue(2) };

        var context = new RemoteExecutionContext
        {
            MessageName = "Update",
            PrimaryEntityName = "lead",
            PrimaryEntityId = LeadId,
            SecondaryEntityName = "none",
            Stage = 40,
            Mode = 1,
            Depth = 2,
            IsolationMode = 2,
            UserId = new Guid("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14"),
            InitiatingUserId = new Guid("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d14"),
            BusinessUnitId = new Guid("c1f0a9d2-3b4e-4f50-8a61-7b8c9d0e1f12"),
            OrganizationId = new Guid("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a16"),
            OrganizationName = "contoso",
            CorrelationId = new Guid("a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c13"),
            OperationId = new Guid("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f15"),
            OperationCreatedOn = CreatedOn,
            OwningExtension = new EntityReference("sdkmessageprocessingstep", TaskId),
            ParentContext = parent,
        };
        context.InputParameters["Target"] = new Entity("lead", LeadId) { ["leadqualitycode"] = new OptionSetValue(2) };
        context.PreEntityImages["PreImage"] = new Entity("lead", LeadId) { ["leadqualitycode"] = new OptionSetValue(1), ["budgetamount"] = new Money(125000.50m) };
        context.PostEntityImages["PostImage"] = new Entity("lead", LeadId)
        {
            ["leadqualitycode"] = new OptionSetValue(2),
            ["parentcontactid"] = new EntityReference("contact", ContactId),
        };
        context.SharedVariables["leadlifecycle.evaluated"] = true;
        context.SharedVariables["leadlifecycle.passes"] = 3;
        context.SharedVariables["leadlifecycle.matchedon"] = new[] { "emailaddress1", "llc_marketingformid" };
        context.SharedVariables["leadlifecycle.contact"] = new EntityReference("contact", ContactId);
        return context;
    }
}
