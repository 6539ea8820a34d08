using SecurityGuarantees.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecurityGuarantees.Loading;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s with positions, using YamlDotNet's parser. Anchors, aliases, tags and
/// merge keys are rejected (which also closes alias bombs); duplicate keys and excessive nesting are reported.
/// </summary>
internal sealed class YamlTreeReader
{
    public const int MaxDepth = 64;

    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly GuardedYamlParser _parser;
    private readonly CancellationToken _cancellationToken;
    private int _nodes;

    private YamlTreeReader(string file, string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _file = file;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _parser = new GuardedYamlParser(text);
    }

    /// <summary>Reads the single document of a file; returns <see langword="null"/> when it could not be read. The token is checked every few thousand nodes.</summary>
    public static YamlNode? Read(string file, string text, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var reader = new YamlTreeReader(file, text, diagnostics, cancellationToken);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            var message = e.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0)
            {
                message = message[(cut + 3)..];
            }

            var at = e.Start.Line > 0 ? e.Start : reader._parser.Position;
            diagnostics.Error(DiagnosticCodes.YamlSyntax, reader.At(at), $"YAML syntax error: {message.TrimEnd('.')}",
                "check indentation and quoting around this position; values with ': ' or starting with '{', '[', '!', '&', '*' need quotes");
            return null;
        }
        catch (YamlParserFailure e)
        {
            diagnostics.Error(DiagnosticCodes.YamlUnreadable, reader.At(e.Position), "the YAML parser cannot read the text here",
                "check for an unclosed '[' or '{', or a stray control character, before this position; quote values that start with '[' or '{'");
            return null;
        }
        catch (EndOfStreamException)
        {
            // YamlDotNet's Accept/Consume helpers throw this when the events run out mid-structure.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, reader.At(reader._parser.Position), "YAML syntax error: the text ends inside an unfinished list or map",
                "close every '[' and '{', and check the indentation of the last lines");
            return null;
        }
        catch (UnexpectedEventException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, e.Location, $"YAML syntax error: {e.Message}",
                "check indentation around this position; a key needs a name before ':'");
            return null;
        }
        catch (DepthExceededException e)
        {
            diagnostics.Error(DiagnosticCodes.TooDeep, e.Location, $"YAML nesting is deeper than {MaxDepth} levels", "flatten the structure");
            return null;
        }
    }

    private YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(0);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            _diagnostics.Error(DiagnosticCodes.YamlSyntax, At(second.Start), "a file holds one YAML document; found a second '---'",
                "split the documents into separate files");
        }

        return root;
    }

    private YamlNode? ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DepthExceededException(At(_parser.Current?.Start ?? _parser.Position));
        }

        if (++_nodes % 4096 == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        var current = _parser.Current;
        if (current is AnchorAlias alias)
        {
            _parser.MoveNext();
            _diagnostics.Error(DiagnosticCodes.AnchorOrAlias, At(alias.Start), $"YAML aliases (*{alias.Value}) are not allowed",
                "write the value out in full; anchors and aliases are not supported in rule and scenario files");
            return null;
        }

        if (current is not NodeEvent node)
        {
            // The parser produced an event where a value belongs (seen with "\n : s"): the stream is not a tree.
            throw current is null
                ? new UnexpectedEventException(At(_parser.Position), "the text ends where a value was expected")
                : new UnexpectedEventException(At(current.Start), $"a value was expected, found {Describe(current)}");
        }

        var rejected = CheckAnchorAndTag(node);
        switch (node)
        {
            case Scalar scalar:
                _parser.MoveNext();
                return rejected ? null : new YamlScalar(At(scalar.Start), scalar.Value,
                    scalar.Style == ScalarStyle.Plain, scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded);
            case SequenceStart sequenceStart:
            {
                _parser.MoveNext();
                var items = new List<YamlNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = ReadNode(depth + 1);
                    if (item is not null)
                    {
                        items.Add(item);
                    }
                }

                return rejected ? null : new YamlSequence(At(sequenceStart.Start), items);
            }

            case MappingStart mappingStart:
            {
                _parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                while (!_parser.TryConsume<MappingEnd>(out _))
                {
                    var keyStart = _parser.Current?.Start ?? _parser.Position;
                    var key = ReadNode(depth + 1);
                    if (_parser.Current is MappingEnd)
                    {
                        // YamlDotNet ends some malformed maps after a key alone ("\n : s"); report it at the key.
                        throw new UnexpectedEventException(At(keyStart), "a map entry without a key or value here");
                    }

                    var value = ReadNode(depth + 1);
                    if (key is not YamlScalar keyScalar)
                    {
                        if (key is not null)
                        {
                            _diagnostics.Error(DiagnosticCodes.WrongNodeKind, key.Location, $"a key must be a plain name, not {key.KindName}");
                        }

                        continue;
                    }

                    if (keyScalar.Value == "<<" && keyScalar.IsPlain)
                    {
                        _diagnostics.Error(DiagnosticCodes.MergeKey, At(keyStart), "YAML merge keys ('<<') are not allowed",
                            "write the keys out in full");
                        continue;
                    }

                    if (seen.TryGetValue(keyScalar.Value, out var first))
                    {
                        _diagnostics.Error(DiagnosticCodes.DuplicateKey, keyScalar.Location,
                            $"duplicate key '{keyScalar.Value}' (first at line {first.Line})", "remove one of them");
                        continue;
                    }

                    seen.Add(keyScalar.Value, keyScalar.Location);
                    value ??= new YamlScalar(keyScalar.Location, "", isPlain: true, isBlock: false);
                    entries.Add(new KeyValuePair<YamlScalar, YamlNode>(keyScalar, value));
                }

                return rejected ? null : new YamlMapping(At(mappingStart.Start), entries);
            }

            default:
                throw new UnexpectedEventException(At(node.Start), $"a value was expected, found {Describe(node)}");
        }
    }

    private bool CheckAnchorAndTag(NodeEvent node)
    {
        var rejected = false;
        if (!node.Anchor.IsEmpty)
        {
            _diagnostics.Error(DiagnosticCodes.AnchorOrAlias, At(node.Start), $"YAML anchors (&{node.Anchor.Value}) are not allowed",
                "write each value out in full; anchors and aliases are not supported in rule and scenario files");
            rejected = true;
        }

        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            var tag = node.Tag.Value;
            var shown = tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;
            var hint = node is Scalar s && shown.StartsWith('!') && !shown.StartsWith("!!", StringComparison.Ordinal)
                ? $"a value starting with '!' is read as a YAML tag; quote it: \"{shown}{(s.Value.Length > 0 ? " " + s.Value : "")}\""
                : "remove the tag; quote the value if it starts with '!'";
            _diagnostics.Error(DiagnosticCodes.TagNotAllowed, At(node.Start), $"YAML tags ({shown}) are not allowed", hint);
            rejected = true;
        }

        return rejected;
    }

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private static string Describe(ParsingEvent e) => e switch
    {
        MappingEnd => "the end of a map",
        SequenceEnd => "the end of a list",
        DocumentEnd or DocumentStart => "the end of the document",
        StreamEnd => "the end of the text",
        _ => e.GetType().Name,
    };

    private sealed class UnexpectedEventException(SourceLocation location, string message) : Exception(message)
    {
        public SourceLocation Location { get; } = location;
    }

    private sealed class DepthExceededException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }
}
