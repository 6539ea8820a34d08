using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecurityGuarantees.Loading;

/// <summary>
/// YamlDotNet's parser with one promise added: it fails only with <see cref="YamlException"/>. Its scanner throws
/// other exceptions on some malformed inputs (an <see cref="InvalidOperationException"/> from an empty stack in
/// <c>ScanPlainScalar</c>, see docs/reliability.md); those become a <see cref="YamlParserFailure"/> carrying the
/// position the scanner had reached, so the tree reader reports them as a located diagnostic.
/// </summary>
internal sealed class GuardedYamlParser : IParser
{
    private readonly Scanner _scanner;
    private readonly Parser _parser;

    public GuardedYamlParser(string text)
    {
        _scanner = new Scanner(new StringReader(text), skipComments: true);
        _parser = new Parser(_scanner);
    }

    public ParsingEvent? Current => _parser.Current;

    /// <summary>Where the scanner is: the furthest the parser has read.</summary>
    public Mark Position => _scanner.CurrentPosition;

    public bool MoveNext()
    {
        try
        {
            return _parser.MoveNext();
        }
        catch (Exception e) when (e is not (YamlException or OutOfMemoryException or InsufficientExecutionStackException))
        {
            throw new YamlParserFailure(Position, e);
        }
    }
}

/// <summary>YamlDotNet failed with something other than a <see cref="YamlException"/>; <see cref="Position"/> is where it stopped.</summary>
internal sealed class YamlParserFailure(Mark position, Exception inner) : Exception(inner.Message, inner)
{
    public Mark Position { get; } = position;
}
