using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>The SDK's dictionary and list collections.</summary>
public class DataCollectionTests
{
    [Fact]
    public void Attribute_collection_behaves_like_a_case_sensitive_dictionary()
    {
        var attributes = new AttributeCollection { { "subject", "A" } };

        Assert.Throws<ArgumentException>(() => attributes.Add("subject", "B"));
        attributes["subject"] = "C";
        attributes["Subject"] = "D";

        Assert.Equal(2, attributes.Count);
        Assert.Equal("C", attributes["subject"]);
        Assert.True(attributes.ContainsKey("Subject"));
        Assert.True(attributes.Remove("Subject"));
        Assert.False(attributes.Remove("Subject"));
        Assert.Equal(new[] { "subject" }, attributes.Keys);
    }

    /// <summary>A collection never written to holds no dictionary (most of an entity's collections stay empty), yet reads,
    /// views and writes behave exactly as over an empty dictionary.</summary>
    [Fact]
    public void An_empty_collection_reads_and_writes_as_an_empty_dictionary()
    {
        var keys = new KeyAttributeCollection();
        Assert.Equal(0, keys.Count);
        Assert.False(keys.ContainsKey("a"));
        Assert.False(keys.TryGetValue("a", out _));
        Assert.False(keys.Remove("a"));
        Assert.Empty(keys);
        var missing = Assert.Throws<KeyNotFoundException>(() => keys["a"]);
        Assert.Contains("'a'", missing.Message);
        keys.Clear();

        var view = keys.Keys;                 // a live view, as the dictionary's own
        keys["a"] = 1;
        Assert.Equal(new[] { "a" }, view);
        Assert.Equal(1, keys["a"]);

        var other = new FormattedValueCollection();
        Assert.Empty(other);                  // another, still empty: the first one's write is its own
    }

    [Fact]
    public void Attribute_collection_AddRange_and_TryGetValue()
    {
        var attributes = new AttributeCollection();
        attributes.AddRange(new KeyValuePair<string, object>("a", 1), new KeyValuePair<string, object>("b", 2));

        Assert.True(attributes.TryGetValue("b", out object? b));
        Assert.Equal(2, b);
        Assert.False(attributes.TryGetValue("c", out object? c));
        Assert.Null(c);
    }

    [Fact]
    public void ParameterCollection_TryGetValue_of_T_requires_the_type()
    {
        var parameters = new ParameterCollection { { "Target", new EntityReference("lead", Guid.NewGuid()) } };

        Assert.True(parameters.TryGetValue("Target", out EntityReference? target));
        Assert.NotNull(target);
        Assert.False(parameters.TryGetValue("Target", out Entity? entity));
        Assert.Null(entity);
        Assert.False(parameters.TryGetValue("Missing", out EntityReference? missing));
        Assert.Null(missing);
    }

    [Fact]
    public void ParameterCollection_AddOrUpdateIfNotNull_skips_null()
    {
        var parameters = new ParameterCollection();

        parameters.AddOrUpdateIfNotNull("a", null);
        parameters.AddOrUpdateIfNotNull("b", 1);
        parameters.AddOrUpdateIfNotNull("b", 2);

        Assert.False(parameters.Contains("a"));
        Assert.Equal(2, parameters["b"]);
    }

    [Fact]
    public void List_constructors_copy_so_the_collection_stays_growable()
    {
        var collection = new EntityCollection(new[] { new Entity("lead") });
        collection.Entities.Add(new Entity("lead"));

        var references = new EntityReferenceCollection(new[] { new EntityReference("contact", Guid.NewGuid()) });
        references.Add(new EntityReference("contact", Guid.NewGuid()));

        Assert.Equal(2, collection.Entities.Count);
        Assert.Equal(2, references.Count);
    }

    [Fact]
    public void DataCollection_AddRange_and_ToArray()
    {
        var references = new EntityReferenceCollection();
        var first = new EntityReference("contact", Guid.NewGuid());
        var second = new EntityReference("account", Guid.NewGuid());

        references.AddRange(first, second);
        references.AddRange((IEnumerable<EntityReference>)null!);

        Assert.Equal(new[] { first, second }, references.ToArray());
    }

    [Fact]
    public void EntityCollection_indexer_reads_Entities()
    {
        var lead = new Entity("lead");
        var collection = new EntityCollection(new List<Entity> { lead }) { EntityName = "lead", MoreRecords = true };

        Assert.Same(lead, collection[0]);
        Assert.Equal("lead", collection.EntityName);
        Assert.True(collection.MoreRecords);
        Assert.Null(collection.PagingCookie);
    }

    [Fact]
    public void Relationships_are_equal_by_schema_name_and_role()
    {
        Assert.Equal(new Relationship("contact_leads"), new Relationship("contact_leads"));
        Assert.NotEqual(new Relationship("contact_leads"), new Relationship("contact_leads") { PrimaryEntityRole = EntityRole.Referencing });
    }
}
