using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Syntax;

/// <summary>An enum declared under a rule file's <c>enums:</c>: its name and values, as written.</summary>
internal sealed record EnumDeclarationSyntax(TextSyntax Name, IReadOnlyList<TextSyntax> Values);

/// <summary>One field of a declared type: its name and its type as written (<c>list&lt;string&gt;</c>, <c>stance</c>).</summary>
internal sealed record FieldDeclarationSyntax(TextSyntax Name, TextSyntax Type);

/// <summary>A default value of a declared type's field: a scalar, or a list of scalars.</summary>
internal sealed record FieldDefaultSyntax(TextSyntax Field, IReadOnlyList<TextSyntax>? Items, TextSyntax? Value);

/// <summary>A fact type declared under a rule file's <c>types:</c>.</summary>
/// <param name="Name">The type name.</param>
/// <param name="Description">Its description, for schemas and hover.</param>
/// <param name="Key">The key fields as written; null when <c>key:</c> is left out (the key is then <c>[id]</c>).</param>
/// <param name="KeyLocation">Where <c>key:</c> is, or the type's name when it is left out.</param>
/// <param name="Fields">The fields in declaration order.</param>
/// <param name="Defaults">The defaults in file order.</param>
internal sealed record TypeDeclarationSyntax(
    TextSyntax Name,
    string? Description,
    IReadOnlyList<TextSyntax>? Key,
    SourceLocation KeyLocation,
    IReadOnlyList<FieldDeclarationSyntax> Fields,
    IReadOnlyList<FieldDefaultSyntax> Defaults);
