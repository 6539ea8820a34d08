using System.Text;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

/// <summary>The fact types rule files loaded together know (declared ones included), and the diagnostics of their declarations.</summary>
/// <param name="Registry">The built-in and domain types plus the declared ones.</param>
/// <param name="Diagnostics">What registering the declarations reported (SG0120–SG0125), in every file.</param>
internal sealed record DeclaredTypes(FactTypeRegistry Registry, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// What the registry depends on: every declaration with its position, in load order. Equal keys give equal
    /// registries and diagnostics; an edit elsewhere in a file leaves the key (and the bound analyses) as they were.
    /// </summary>
    public static string KeyOf(IEnumerable<RuleSetSyntax> declaring)
    {
        var key = new StringBuilder();
        foreach (var file in declaring)
        {
            key.Append("file ").Append(file.File).Append('\n');
            foreach (var declaration in file.Enums)
            {
                key.Append("enum ").Append(declaration.Name).Append(string.Join(", ", declaration.Values)).Append('\n');
            }

            foreach (var type in file.Types)
            {
                key.Append("type ").Append(type.Name).Append(type.KeyLocation).Append(" \"").Append(type.Description).Append("\" key ")
                    .Append(type.Key is null ? "-" : string.Join(", ", type.Key)).Append('\n');
                foreach (var field in type.Fields)
                {
                    key.Append("  field ").Append(field.Name).Append(field.Type).Append('\n');
                }

                foreach (var value in type.Defaults)
                {
                    key.Append("  default ").Append(value.Field).Append(value.Value).Append(value.Items is null ? "" : string.Join(", ", value.Items)).Append('\n');
                }
            }
        }

        return key.ToString();
    }
}
