using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// A structural key of an expression tree: two trees have equal keys when they have the same nodes, types, members and
/// methods, the same parameters by position, and constants that are the same object or an equal value of a type whose
/// equality is exact (decimals by scale too, strings ordinally). Used to share one compiled delegate between identical
/// trees (<see cref="FastExpressionCompilerAdapter"/>) and one index between identical filters (<see cref="Indexing.IndexPlanner"/>).
/// </summary>
internal sealed class ExpressionShapeKey : IEquatable<ExpressionShapeKey>
{
    private readonly List<object?> _tokens;
    private readonly int _hash;

    private ExpressionShapeKey(List<object?> tokens)
    {
        _tokens = tokens;
        var hash = new HashCode();
        foreach (var token in tokens)
        {
            hash.Add(token);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>The key of a tree, or <see langword="null"/> when it has a node this key does not describe exactly.</summary>
    public static ExpressionShapeKey? Of(LambdaExpression expression)
    {
        var writer = new Writer();
        return writer.Write(expression) ? new ExpressionShapeKey(writer.Tokens) : null;
    }

    public bool Equals(ExpressionShapeKey? other) =>
        other is not null && other._hash == _hash && CollectionsMarshal.AsSpan(other._tokens).SequenceEqual(CollectionsMarshal.AsSpan(_tokens));

    public override bool Equals(object? obj) => Equals(obj as ExpressionShapeKey);

    public override int GetHashCode() => _hash;


    /// <summary>A constant: equal when it is the same object, or an equal value of a type whose equality is exact.</summary>
    private sealed class ConstantToken(object? value) : IEquatable<ConstantToken>
    {
        private readonly object? _value = value;

        public static bool Describes(object? value) =>
            value is null || !value.GetType().IsValueType || value is bool or char or byte or sbyte or short or ushort or int or uint
                or long or ulong or decimal or double or float or DateOnly or TimeOnly or DateTime or Guid || value.GetType().IsEnum;

        public bool Equals(ConstantToken? other)
        {
            if (other is null)
            {
                return false;
            }

            var (a, b) = (_value, other._value);
            if (a is null || b is null)
            {
                return a is null && b is null;
            }

            if (a.GetType() != b.GetType())
            {
                return false;
            }

            return a switch
            {
                string s => string.Equals(s, (string)b, StringComparison.Ordinal),
                decimal d => DecimalBits(d) == DecimalBits((decimal)b), // 1.0 and 1.00 are Equal but print differently
                double d => BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)b),
                float f => BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)b),
                DateTime t => t.ToBinary() == ((DateTime)b).ToBinary(),
                _ when a.GetType().IsValueType => a.Equals(b),
                _ => ReferenceEquals(a, b),
            };
        }

        public override bool Equals(object? obj) => Equals(obj as ConstantToken);

        private static (int, int, int, int) DecimalBits(decimal value)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            return (bits[0], bits[1], bits[2], bits[3]);
        }

        public override int GetHashCode() => _value switch
        {
            null => 0,
            string s => s.GetHashCode(StringComparison.Ordinal),
            decimal d => DecimalBits(d).GetHashCode(),
            double d => BitConverter.DoubleToInt64Bits(d).GetHashCode(),
            float f => BitConverter.SingleToInt32Bits(f),
            DateTime t => t.ToBinary().GetHashCode(),
            _ when _value.GetType().IsValueType => _value.GetHashCode(),
            _ => RuntimeHelpers.GetHashCode(_value),
        };
    }

    /// <summary>Writes the tokens of a tree, depth first; fails on node kinds it does not know.</summary>
    private sealed class Writer
    {
        private static readonly object Null = new();
        private static readonly object True = true;
        private static readonly object False = false;
        private static readonly object[] SmallInts = [.. Enumerable.Range(0, 128).Select(i => (object)i)];
        private static readonly object[] NodeTypes = [.. Enumerable.Range(0, 128).Select(i => (object)(ExpressionType)i)];
        private readonly Dictionary<ParameterExpression, int> _parameters = [];

        public List<object?> Tokens { get; } = new(64);

        public bool Write(Expression? node)
        {
            if (node is null)
            {
                Tokens.Add(Null);
                return true;
            }

            Tokens.Add((int)node.NodeType < NodeTypes.Length ? NodeTypes[(int)node.NodeType] : node.NodeType);
            Tokens.Add(node.Type);
            switch (node)
            {
                case LambdaExpression lambda:
                    return Declare(lambda.Parameters) && Write(lambda.Body) && Add(lambda.TailCall);
                case ParameterExpression parameter:
                    return _parameters.TryGetValue(parameter, out var position) && Add(position);
                case BlockExpression block:
                    return Declare(block.Variables) && WriteAll(block.Expressions) && Add(block.Result == block.Expressions[^1]);
                case ConstantExpression constant:
                    if (!ConstantToken.Describes(constant.Value))
                    {
                        return false;
                    }

                    Tokens.Add(new ConstantToken(constant.Value));
                    return true;
                case MemberExpression member:
                    return Add(member.Member) && Write(member.Expression);
                case MethodCallExpression call:
                    return Add(call.Method) && Write(call.Object) && WriteAll(call.Arguments);
                case UnaryExpression unary:
                    return Add(unary.Method) && Add(unary.IsLiftedToNull) && Write(unary.Operand);
                case BinaryExpression binary:
                    return Add(binary.Method) && Add(binary.IsLiftedToNull) && Write(binary.Left) && Write(binary.Right) && Write(binary.Conversion);
                case ConditionalExpression conditional:
                    return Write(conditional.Test) && Write(conditional.IfTrue) && Write(conditional.IfFalse);
                case DefaultExpression:
                    return true;
                case NewExpression create:
                    return Add(create.Constructor) && WriteAll(create.Arguments) && Add(create.Members?.Count ?? -1)
                        && (create.Members ?? []).All(Add);
                case NewArrayExpression array:
                    return WriteAll(array.Expressions);
                case TypeBinaryExpression typeTest:
                    return Add(typeTest.TypeOperand) && Write(typeTest.Expression);
                case InvocationExpression invocation:
                    return Write(invocation.Expression) && WriteAll(invocation.Arguments);
                default:
                    return false;
            }
        }

        private bool Add(object? token)
        {
            Tokens.Add(token ?? Null);
            return true;
        }

        private bool Add(bool value)
        {
            Tokens.Add(value ? True : False);
            return true;
        }

        private bool Add(int value)
        {
            Tokens.Add(value is >= 0 and < 128 ? SmallInts[value] : value);
            return true;
        }

        private bool WriteAll(IReadOnlyList<Expression> nodes)
        {
            Add(nodes.Count);
            for (var i = 0; i < nodes.Count; i++)
            {
                if (!Write(nodes[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Numbers parameters in order of declaration; a parameter declared twice (shadowing) is not keyed.</summary>
        private bool Declare(IReadOnlyList<ParameterExpression> parameters)
        {
            Add(parameters.Count);
            foreach (var parameter in parameters)
            {
                if (!_parameters.TryAdd(parameter, _parameters.Count))
                {
                    return false;
                }

                Tokens.Add(parameter.Type);
                Add(parameter.IsByRef);
            }

            return true;
        }
    }
}
