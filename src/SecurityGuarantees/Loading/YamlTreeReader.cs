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
    private readonly IParser _parser;

    private YamlTreeReader(string file, string text, DiagnosticBag diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>Reads the single document of a file; returns <see langword="null"/> when it could not be read.</summary>
    public static YamlNode? Read(string file, string text, DiagnosticBag diagnostics)
    {
        var reader = new YamlTreeReader(file, text, diagnostics);
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

            diagnostics.Error(DiagnosticCodes.YamlSyntax, reader.At(e.Start), $"YAML syntax error: {message.TrimEnd('.')}",
                "check indentation and quoting around this position; values with ': ' or starting with '{', '[', '!', '&', '*' need quotes");
            return null;
        }
        catch (InvalidOperationException) when (reader._parser.Current is { } last)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some unclosed flow collections, e.g. "fact: [Proposal".
            diagnostics.Error(DiagnosticCodes.YamlSyntax, reader.At(last.End), "YAML syntax error: the text after this position cannot be read",
                "check for an unclosed '[' or '{' and for indentation around this position");
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
            throw new DepthExceededException(At(_parser.Current!.Start));
        }

        var current = _parser.Current!;
        if (current is AnchorAlias alias)
        {
            _parser.MoveNext();
            _diagnostics.Error(DiagnosticCodes.AnchorOrAlias, At(alias.Start), $"YAML aliases (*{alias.Value}) are not allowed",
                "write the value out in full; anchors and aliases are not supported in rule and scenario files");
            return null;
        }

        var node = (NodeEvent)current;
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
                    var keyStart = _parser.Current!.Start;
                    var key = ReadNode(depth + 1);
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
                throw new InvalidOperationException($"Unexpected YAML event {node.GetType().Name}.");
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

    private sealed class DepthExceededException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }
}
