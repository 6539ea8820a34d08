using System.Reflection;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Tests.Facts;

/// <summary>
/// A fact type's fields are in declaration order, base type first (schemas, explanations and JSON list them so). The
/// ordinary runtime orders them by metadata token; a native AOT build has none and relies on reflection listing a
/// type's own properties in declaration order. Both orders must agree, or the native tool would print fields differently.
/// </summary>
public sealed class FieldOrderTests
{
    public record BaseFact
    {
        public string Id { get; init; } = "";

        public string Zulu { get; init; } = "";

        public int Alpha { get; init; }
    }

    public sealed record DerivedFact : BaseFact
    {
        public string Mike { get; init; } = "";

        public bool Bravo { get; init; }
    }

    private static readonly FactTypeRegistry Types = new ScenarioEngineBuilder().Build().Rules.Types;

    public static TheoryData<string> BuiltInTypes => [.. Types.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(BuiltInTypes))]
    public void WithoutMetadataTokens_TheBuiltInTypesKeepTheirFieldOrder(string name) => AssertBothOrdersAgree(Types.Find(name)!);

    [Fact]
    public void WithoutMetadataTokens_ADerivedTypeListsTheBaseFieldsFirst()
    {
        var type = FactTypeDescriptor.Describe("Derived", typeof(DerivedFact), FactTypeRole.Scenario, out var problems);
        Assert.Empty(problems);
        Assert.Equal(["id", "zulu", "alpha", "mike", "bravo"], type.Fields.Select(f => f.Name));
        AssertBothOrdersAgree(type);
    }

    private static void AssertBothOrdersAgree(FactTypeDescriptor type)
    {
        // As reflection hands them over, which is what the native build sorts.
        var listed = type.ClrType.GetProperties(BindingFlags.Instance | BindingFlags.Public).ToList();
        var asListed = type.Fields.OrderBy(f => listed.IndexOf(f.Property!)).ToList();
        var byToken = FactTypeDescriptor.InDeclarationOrder(asListed, byMetadataToken: true);
        var byLevel = FactTypeDescriptor.InDeclarationOrder(asListed, byMetadataToken: false);
        Assert.Equal(byToken.Select(f => f.Name), byLevel.Select(f => f.Name));
        Assert.Equal(type.Fields.Select(f => f.Name), byToken.Select(f => f.Name));
    }
}
