using System.Linq.Expressions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Domain;

namespace SecurityGuarantees.Tests.Compilation;

public sealed class FastExpressionCompilerAdapterTests
{
    private static Expression<Func<Demand, bool>> ValueBelow(decimal limit)
    {
        var d = Expression.Parameter(typeof(Demand), "d");
        return Expression.Lambda<Func<Demand, bool>>(
            Expression.LessThan(Expression.Property(d, nameof(Demand.Value)), Expression.Constant(limit, typeof(decimal?))), d);
    }

    private static Expression<Func<object?>> Holding(object value) =>
        Expression.Lambda<Func<object?>>(Expression.Constant(value, typeof(object)));

    [Fact]
    public void IdenticalTrees_ShareOneDelegate_WhateverTheParameterNames()
    {
        var adapter = new FastExpressionCompilerAdapter();
        var first = adapter.Compile(ValueBelow(800_000m));
        var x = Expression.Parameter(typeof(Demand), "x");
        var renamed = Expression.Lambda<Func<Demand, bool>>(
            Expression.LessThan(Expression.Property(x, nameof(Demand.Value)), Expression.Constant(800_000m, typeof(decimal?))), x);

        Assert.Same(first, adapter.Compile(renamed));
        Assert.Equal((1, 1), (adapter.Compiled, adapter.Reused));
    }

    [Fact]
    public void DifferentConstants_CompileApart_EvenWhenEqualAsDecimals()
    {
        var adapter = new FastExpressionCompilerAdapter();
        var below = adapter.Compile(ValueBelow(800_000m));
        var belowOther = adapter.Compile(ValueBelow(500_000m));
        var scaled = adapter.Compile(Expression.Lambda<Func<decimal>>(Expression.Constant(1.0m)));
        var rescaled = adapter.Compile(Expression.Lambda<Func<decimal>>(Expression.Constant(1.00m)));

        Assert.NotSame(below, belowOther);
        Assert.True(below(new Demand { Value = 600_000m }));
        Assert.False(belowOther(new Demand { Value = 600_000m }));
        Assert.NotSame(scaled, rescaled); // 1.0 and 1.00 are Equal, but their scale is part of the constant
        Assert.Equal(rescaled(), scaled());
        Assert.Equal(0, adapter.Reused);
    }

    [Fact]
    public void ObjectConstants_AreTheSameOnlyWhenTheyAreTheSameObject()
    {
        var adapter = new FastExpressionCompilerAdapter();
        var one = new List<int>();
        var same = adapter.Compile(Holding(one));
        var again = adapter.Compile(Holding(one));
        var other = adapter.Compile(Holding(new List<int>()));

        Assert.Same(same, again);
        Assert.NotSame(same, other);
        Assert.Same(one, same());
    }

    [Fact]
    public void ShadowedParameters_AreNotKeyed()
    {
        var adapter = new FastExpressionCompilerAdapter();
        var p = Expression.Parameter(typeof(int), "p");
        Expression<Func<int, Func<int, int>>> Shadowing() =>
            Expression.Lambda<Func<int, Func<int, int>>>(Expression.Lambda<Func<int, int>>(p, p), p);

        var first = adapter.Compile(Shadowing());
        var second = adapter.Compile(Shadowing());

        Assert.NotSame(first, second);
        Assert.Equal(7, first(1)(7));
        Assert.Equal((2, 0), (adapter.Compiled, adapter.Reused));
    }
}
