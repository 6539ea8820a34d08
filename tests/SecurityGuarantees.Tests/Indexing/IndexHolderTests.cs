using SecurityGuarantees.Compilation.Indexing;

namespace SecurityGuarantees.Tests.Indexing;

/// <summary>The buckets of an index: one fact kept as itself, more as a list, always in insertion order.</summary>
public sealed class IndexHolderTests
{
    private sealed record Item(string Name);

    private static List<string> Names(IndexHolder holder, object? key, Func<Item, bool>? test = null) =>
        [.. IndexHolder.Match(holder, key, test).Select(i => i.Name)];

    [Fact]
    public void OneFact_AddedReplacedRemoved()
    {
        var holder = new IndexHolder("i");
        var a = new Item("a");
        holder.Add("k", a);
        Assert.Equal(["a"], Names(holder, "k"));
        var a2 = new Item("a2");
        holder.Replace("k", a, a2);
        Assert.Equal(["a2"], Names(holder, "k"));
        holder.Remove("k", a); // no longer in the bucket: nothing happens
        Assert.Equal(["a2"], Names(holder, "k"));
        holder.Remove("k", a2);
        Assert.Empty(Names(holder, "k"));
    }

    [Fact]
    public void ManyFacts_KeepInsertionOrderThroughReplaceAndRemove()
    {
        var holder = new IndexHolder("i");
        Item a = new("a"), b = new("b"), c = new("c"), b2 = new("b2");
        holder.Add("k", a);
        holder.Add("k", b);
        holder.Add("k", c);
        Assert.Equal(["a", "b", "c"], Names(holder, "k"));
        holder.Replace("k", b, b2);
        Assert.Equal(["a", "b2", "c"], Names(holder, "k"));
        holder.Remove("k", a);
        holder.Remove("k", c);
        Assert.Equal(["b2"], Names(holder, "k"));
        holder.Add("k", a);
        Assert.Equal(["b2", "a"], Names(holder, "k"));
        holder.Remove("k", b2);
        holder.Remove("k", a);
        Assert.Empty(Names(holder, "k"));
    }

    [Fact]
    public void Match_FiltersInBucketOrder_NullIsAKey_ReplaceOfAnAbsentFactAdds()
    {
        var holder = new IndexHolder("i");
        holder.Add(null, new Item("n"));
        holder.Add("k", new Item("x1"));
        holder.Add("k", new Item("y"));
        holder.Add("k", new Item("x2"));
        Assert.Equal(["x1", "x2"], Names(holder, "k", i => i.Name.StartsWith('x')));
        Assert.Empty(Names(holder, "k", _ => false));
        Assert.Equal(["n"], Names(holder, null));
        Assert.Empty(Names(holder, "other"));
        holder.Replace("j", new Item("absent"), new Item("j1"));
        Assert.Equal(["j1"], Names(holder, "j"));
    }
}
