using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using SecurityGuarantees.Domain;
using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// Generic instantiations that rule compilation creates at run time, named here so that a native AOT build compiles them.
/// </summary>
/// <remarks>
/// Native AOT cannot create code at run time. It can still build a generic type over reference types from the shared
/// ("canonical") form, if that form was compiled: <c>Func&lt;Proposal, bool&gt;</c> works once any
/// <c>Func&lt;object, bool&gt;</c> exists. So this lists the shapes of the lambdas the rule model builds (facts are
/// reference types; results and <c>count:</c> values are value types), and instantiates the expression functions over
/// every scalar a fact may hold and over the domain's enums. A rule outside these shapes still compiles everywhere
/// code can be emitted; in a native AOT build its load fails with a diagnostic.
/// </remarks>
internal static class NativeAotShapes
{
    // Generated: every arity of all-reference parameters (results bool and object, and the value types a binding may
    // produce up to 8), one count: value (decimal?) at any place up to 10 parameters, two of them up to 5, and actions.
    private static readonly Type[] LambdaShapes =
    [
        typeof(Expression<Func<object, bool>>),
        typeof(Expression<Func<object, object>>),
        typeof(Expression<Func<object, object, bool>>),
        typeof(Expression<Func<object, object, object>>),
        typeof(Expression<Func<object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?>>),
        typeof(Expression<Func<object, DateOnly?>>),
        typeof(Expression<Func<object, bool?>>),
        typeof(Expression<Func<object, int?>>),
        typeof(Expression<Func<object, object, decimal?>>),
        typeof(Expression<Func<object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, bool?>>),
        typeof(Expression<Func<object, object, int?>>),
        typeof(Expression<Func<object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, object, bool?>>),
        typeof(Expression<Func<object, object, object, int?>>),
        typeof(Expression<Func<object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, object, object, bool?>>),
        typeof(Expression<Func<object, object, object, object, int?>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, object, object, object, bool?>>),
        typeof(Expression<Func<object, object, object, object, object, int?>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, object, object, object, object, bool?>>),
        typeof(Expression<Func<object, object, object, object, object, object, int?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, bool?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, int?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, DateOnly?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, bool?>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, int?>>),
        typeof(Expression<Func<decimal?, bool>>),
        typeof(Expression<Func<decimal?, object>>),
        typeof(Expression<Func<decimal?, decimal?>>),
        typeof(Expression<Func<decimal?, object, bool>>),
        typeof(Expression<Func<decimal?, object, object>>),
        typeof(Expression<Func<decimal?, object, decimal?>>),
        typeof(Expression<Func<object, decimal?, bool>>),
        typeof(Expression<Func<object, decimal?, object>>),
        typeof(Expression<Func<object, decimal?, decimal?>>),
        typeof(Expression<Func<decimal?, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object>>),
        typeof(Expression<Func<decimal?, object, object, decimal?>>),
        typeof(Expression<Func<object, decimal?, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object>>),
        typeof(Expression<Func<object, decimal?, object, decimal?>>),
        typeof(Expression<Func<object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, decimal?, object>>),
        typeof(Expression<Func<object, object, decimal?, decimal?>>),
        typeof(Expression<Func<decimal?, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object>>),
        typeof(Expression<Func<decimal?, object, object, object, decimal?>>),
        typeof(Expression<Func<object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, decimal?>>),
        typeof(Expression<Func<object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, decimal?>>),
        typeof(Expression<Func<object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object>>),
        typeof(Expression<Func<object, object, object, decimal?, decimal?>>),
        typeof(Expression<Func<decimal?, object, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object>>),
        typeof(Expression<Func<decimal?, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, object, decimal?, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object>>),
        typeof(Expression<Func<object, object, object, object, decimal?, decimal?>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, decimal?>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, decimal?>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?, object>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, decimal?, object>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, object, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, decimal?, object, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, decimal?, object, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, decimal?, object, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, decimal?, object, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, decimal?, object, object>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, object, object, object, object, object, object, decimal?, object>>),
        typeof(Expression<Func<decimal?, decimal?, bool>>),
        typeof(Expression<Func<decimal?, decimal?, object>>),
        typeof(Expression<Func<decimal?, decimal?, object, bool>>),
        typeof(Expression<Func<decimal?, decimal?, object, object>>),
        typeof(Expression<Func<decimal?, object, decimal?, bool>>),
        typeof(Expression<Func<decimal?, object, decimal?, object>>),
        typeof(Expression<Func<object, decimal?, decimal?, bool>>),
        typeof(Expression<Func<object, decimal?, decimal?, object>>),
        typeof(Expression<Func<decimal?, decimal?, object, object, bool>>),
        typeof(Expression<Func<decimal?, decimal?, object, object, object>>),
        typeof(Expression<Func<decimal?, object, decimal?, object, bool>>),
        typeof(Expression<Func<decimal?, object, decimal?, object, object>>),
        typeof(Expression<Func<decimal?, object, object, decimal?, bool>>),
        typeof(Expression<Func<decimal?, object, object, decimal?, object>>),
        typeof(Expression<Func<object, decimal?, decimal?, object, bool>>),
        typeof(Expression<Func<object, decimal?, decimal?, object, object>>),
        typeof(Expression<Func<object, decimal?, object, decimal?, bool>>),
        typeof(Expression<Func<object, decimal?, object, decimal?, object>>),
        typeof(Expression<Func<object, object, decimal?, decimal?, bool>>),
        typeof(Expression<Func<object, object, decimal?, decimal?, object>>),
        typeof(Expression<Func<decimal?, decimal?, object, object, object, bool>>),
        typeof(Expression<Func<decimal?, decimal?, object, object, object, object>>),
        typeof(Expression<Func<decimal?, object, decimal?, object, object, bool>>),
        typeof(Expression<Func<decimal?, object, decimal?, object, object, object>>),
        typeof(Expression<Func<decimal?, object, object, decimal?, object, bool>>),
        typeof(Expression<Func<decimal?, object, object, decimal?, object, object>>),
        typeof(Expression<Func<decimal?, object, object, object, decimal?, bool>>),
        typeof(Expression<Func<decimal?, object, object, object, decimal?, object>>),
        typeof(Expression<Func<object, decimal?, decimal?, object, object, bool>>),
        typeof(Expression<Func<object, decimal?, decimal?, object, object, object>>),
        typeof(Expression<Func<object, decimal?, object, decimal?, object, bool>>),
        typeof(Expression<Func<object, decimal?, object, decimal?, object, object>>),
        typeof(Expression<Func<object, decimal?, object, object, decimal?, bool>>),
        typeof(Expression<Func<object, decimal?, object, object, decimal?, object>>),
        typeof(Expression<Func<object, object, decimal?, decimal?, object, bool>>),
        typeof(Expression<Func<object, object, decimal?, decimal?, object, object>>),
        typeof(Expression<Func<object, object, decimal?, object, decimal?, bool>>),
        typeof(Expression<Func<object, object, decimal?, object, decimal?, object>>),
        typeof(Expression<Func<object, object, object, decimal?, decimal?, bool>>),
        typeof(Expression<Func<object, object, object, decimal?, decimal?, object>>),
        typeof(Expression<Action<object>>),
        typeof(Expression<Action<object, object>>),
        typeof(Expression<Action<object, object, object>>),
        typeof(Expression<Action<object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
        typeof(Expression<Action<object, object, object, object, object, object, object, object, object, object, object, object, object, object, object, object>>),
    ];

    private static readonly HashSet<Type> CoveredDelegates = [.. LambdaShapes.Select(t => t.GetGenericArguments()[0])];

    private static Delegate[]? _kept;

    /// <summary>Roots the instantiations for a native build; called once where no code can be emitted (a few hundred delegates).</summary>
    public static void Keep()
    {
        if (_kept is not null)
        {
            return;
        }

        var kept = new List<Delegate>();
        Number<decimal>(kept);
        Number<int>(kept);
        Number<long>(kept);
        Number<double>(kept);
        Scalar<bool>(kept);
        Scalar<DateOnly>(kept);
        Reference<string>(kept);
        Reference<object>(kept);
        Enum<BindingLevel>(kept);
        Enum<CommitmentKind>(kept);
        Enum<CommitmentLevel>(kept);
        Enum<CommitmentTrigger>(kept);
        Enum<DemandKind>(kept);
        Enum<DemandStatus>(kept);
        Enum<DemandTiming>(kept);
        Enum<MeetingFormat>(kept);
        Enum<ObservationKind>(kept);
        Enum<PartyKind>(kept);
        Enum<PartyRole>(kept);
        Enum<PrincipleKind>(kept);
        Enum<ProposalKind>(kept);
        Enum<ProposalScope>(kept);
        Enum<ProposalStatus>(kept);
        Enum<Stance>(kept);
        Enum<TermKind>(kept);
        Enum<Facts.Severity>(kept);
        GC.KeepAlive(LambdaShapes);
        _kept = [.. kept];
    }

    /// <summary>Whether a native build can create a lambda of this delegate type (reference types compared as object).</summary>
    public static bool Covers(Type delegateType) =>
        !delegateType.IsGenericType || delegateType.Assembly != typeof(Func<>).Assembly
        || CoveredDelegates.Contains(delegateType.GetGenericTypeDefinition().MakeGenericType([.. delegateType.GetGenericArguments().Select(Canonical)]));

    /// <summary>Whether a native build has code for this generic method instantiation (reference types shared).</summary>
    public static bool Covers(MethodInfo method)
    {
        if (!method.IsGenericMethod || method.GetGenericArguments().All(t => !t.IsValueType))
        {
            return true;
        }

        Keep();
        return _kept!.Any(d => d.Method.IsGenericMethod && d.Method.GetGenericMethodDefinition() == method.GetGenericMethodDefinition()
            && d.Method.GetGenericArguments().SequenceEqual(method.GetGenericArguments().Select(Canonical)));
    }

    private static Type Canonical(Type type) => type.IsValueType ? type : typeof(object);

    private static void Reference<T>(List<Delegate> kept)
        where T : class
    {
        kept.Add(new Func<IEnumerable<T>?, decimal?>(ExpressionFunctions.Count));
        kept.Add(new Func<IEnumerable<T>?, bool>(ExpressionFunctions.Any));
        kept.Add(new Func<IEnumerable<T>?, T, bool>(ExpressionFunctions.Contains));
    }

    private static void Scalar<T>(List<Delegate> kept)
        where T : struct
    {
        kept.Add(new Func<IEnumerable<T>?, decimal?>(ExpressionFunctions.Count));
        kept.Add(new Func<IEnumerable<T?>?, decimal?>(ExpressionFunctions.Count));
        kept.Add(new Func<IEnumerable<T>?, bool>(ExpressionFunctions.Any));
        kept.Add(new Func<IEnumerable<T?>?, bool>(ExpressionFunctions.Any));
        kept.Add(new Func<IEnumerable<T>?, T, bool>(ExpressionFunctions.Contains));
        kept.Add(new Func<IEnumerable<T?>?, T?, bool>(ExpressionFunctions.Contains));
        kept.Add(new Func<IEnumerable<T>?, T?, bool>(ExpressionFunctions.ContainsValue));
        kept.Add(new Func<IEnumerable<T>?, string?, bool>(ExpressionFunctions.ContainsName));
        kept.Add(new Func<IEnumerable<T?>?, string?, bool>(ExpressionFunctions.ContainsName));
    }

    private static void Number<T>(List<Delegate> kept)
        where T : struct, INumberBase<T>
    {
        Scalar<T>(kept);
        kept.Add(new Func<IEnumerable<T>?, decimal?, bool>(ExpressionFunctions.ContainsNumber));
        kept.Add(new Func<IEnumerable<T?>?, decimal?, bool>(ExpressionFunctions.ContainsNullableNumber));
    }

    private static void Enum<T>(List<Delegate> kept)
        where T : struct, System.Enum
    {
        Scalar<T>(kept);
        kept.Add(new Func<T?, string?>(ExpressionFunctions.EnumName));
    }
}
