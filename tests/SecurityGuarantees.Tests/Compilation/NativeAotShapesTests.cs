using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Tests.Compilation;

/// <summary>
/// A native (AOT) build of the tool can only create the generic lambda shapes and expression-function instantiations
/// <see cref="NativeAotShapes"/> names. These tests check, in the ordinary build, that every one the built-in rules and
/// the examples compile to is named, so a rule added to them cannot break the native tool unnoticed; CI runs the native
/// tool itself on every example.
/// </summary>
public sealed class NativeAotShapesTests
{
    public static TheoryData<bool> IndexedJoins => [true, false];

    [Theory]
    [MemberData(nameof(IndexedJoins))]
    public void TheBuiltInRules_UseOnlyShapesANativeBuildHas(bool indexedJoins)
    {
        var engine = new ScenarioEngineBuilder().WithIndexedJoins(indexedJoins).Build();
        var missing = Uncovered(engine).ToList();
        Assert.True(missing.Count == 0, "not in NativeAotShapes:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(IndexedJoins))]
    public void AggregatesAndLets_UseOnlyShapesANativeBuildHas(bool indexedJoins)
    {
        // Their values travel boxed, so every lambda reading them has reference-type parameters only (issue 13).
        var engine = new ScenarioEngineBuilder().WithIndexedJoins(indexedJoins)
            .AddRules(Support.TestPaths.Fixture("computed/rules.yaml")).Build();
        var missing = Uncovered(engine).ToList();
        Assert.True(missing.Count == 0, "not in NativeAotShapes:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheRuleWalk_FindsWhatItChecks()
    {
        var engine = new ScenarioEngineBuilder().Build();
        var lambdas = engine.Rules.Definitions.SelectMany(LambdasOf).ToList();
        Assert.Contains(lambdas, l => l.ReturnType == typeof(bool) && l.Parameters.Count >= 2);
        Assert.Contains(lambdas, l => l.ReturnType == typeof(decimal?));
        Assert.Contains(lambdas.SelectMany(GenericCallsOf), m => m.GetGenericArguments().Any(t => t.IsEnum));
    }

    [Fact]
    public void EveryScalarAndEnumTypeOfTheBuiltInFactTypes_HasItsExpressionFunctions()
    {
        var engine = new ScenarioEngineBuilder().Build();
        var scalars = engine.Rules.Types.All.SelectMany(t => t.Fields).Select(f => f.ScalarType).Distinct().ToList();
        Assert.Contains(scalars, t => t.IsEnum);
        var functions = typeof(ExpressionFunctions);
        foreach (var scalar in scalars.Where(t => t.IsValueType))
        {
            Assert.True(NativeAotShapes.Covers(functions.GetMethod(nameof(ExpressionFunctions.Contains))!.MakeGenericMethod(scalar)), scalar.Name);
            Assert.True(NativeAotShapes.Covers(functions.GetMethod(nameof(ExpressionFunctions.Count))!.MakeGenericMethod(scalar)), scalar.Name);
            if (scalar.IsEnum)
            {
                Assert.True(NativeAotShapes.Covers(functions.GetMethod(nameof(ExpressionFunctions.EnumName))!.MakeGenericMethod(scalar)), scalar.Name);
            }
        }
    }

    [Fact]
    public void Covers_ComparesReferenceTypesAsObject_AndValueTypesExactly()
    {
        Assert.True(NativeAotShapes.Covers(typeof(Func<Domain.Proposal, Domain.Position, bool>)));
        Assert.True(NativeAotShapes.Covers(typeof(Func<IEnumerable<Domain.Commitment>, decimal?>)));
        Assert.False(NativeAotShapes.Covers(typeof(Func<Domain.Proposal, DateTime, bool>)));
        Assert.True(NativeAotShapes.Covers(typeof(Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, bool>)));
    }

    private static IEnumerable<string> Uncovered(ScenarioEngine engine)
    {
        foreach (var definition in engine.Rules.Definitions)
        {
            foreach (var lambda in LambdasOf(definition))
            {
                if (!NativeAotShapes.Covers(lambda.Type))
                {
                    yield return $"{definition.Name}: lambda {lambda.Type}";
                }

                foreach (var method in GenericCallsOf(lambda).Where(m => !NativeAotShapes.Covers(m)))
                {
                    yield return $"{definition.Name}: call {method}";
                }
            }
        }
    }

    /// <summary>Every lambda of a rule definition: the element expressions and the lambdas nested in them.</summary>
    private static IEnumerable<LambdaExpression> LambdasOf(object definition)
    {
        var found = new List<LambdaExpression>();
        Walk(definition, found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        var nested = new NestedLambdas();
        foreach (var lambda in found)
        {
            nested.Visit(lambda);
        }

        return nested.Found;
    }

    private static void Walk(object? value, List<LambdaExpression> found, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || !seen.Add(value))
        {
            return;
        }

        if (value is LambdaExpression lambda)
        {
            found.Add(lambda);
            return;
        }

        if (value is Expression or Type or MemberInfo)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, found, seen);
            }

            return;
        }

        if (value.GetType().Namespace?.StartsWith("NRules.RuleModel", StringComparison.Ordinal) == true)
        {
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                Walk(property.GetValue(value), found, seen);
            }
        }
    }

    private static IEnumerable<MethodInfo> GenericCallsOf(LambdaExpression lambda)
    {
        var calls = new GenericCalls();
        calls.Visit(lambda);
        return calls.Found;
    }

    private sealed class NestedLambdas : ExpressionVisitor
    {
        public List<LambdaExpression> Found { get; } = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Found.Add(node);
            return base.VisitLambda(node);
        }
    }

    private sealed class GenericCalls : ExpressionVisitor
    {
        public List<MethodInfo> Found { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.IsGenericMethod)
            {
                Found.Add(node.Method);
            }

            return base.VisitMethodCall(node);
        }
    }
}
