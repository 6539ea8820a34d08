namespace SecurityGuarantees.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Codes never change meaning once shipped; <c>docs/diagnostics.md</c> lists them.
/// SG00xx files, SG01xx YAML structure, SG02xx expressions, SG03xx rules, SG04xx scenarios, SG05xx evaluation,
/// SG06xx fact-type registration, SG07xx lint (checks over the whole rule set).
/// </summary>
internal static class DiagnosticCodes
{
    public const string FileNotFound = "SG0001";
    public const string FileTooLarge = "SG0002";

    public const string YamlSyntax = "SG0101";
    public const string UnknownKey = "SG0102";
    public const string MissingKey = "SG0103";
    public const string WrongNodeKind = "SG0104";
    public const string AnchorOrAlias = "SG0105";
    public const string TagNotAllowed = "SG0106";
    public const string MergeKey = "SG0107";
    public const string DuplicateKey = "SG0108";
    public const string UnsupportedVersion = "SG0109";
    public const string InvalidValue = "SG0110";
    public const string InvalidId = "SG0111";
    public const string TooDeep = "SG0112";
    public const string EmptyValue = "SG0113";
    public const string YamlUnreadable = "SG0114";

    // Issue 13: fact types and enums declared in rule files.
    public const string UnknownFieldType = "SG0120";
    public const string DuplicateDeclaration = "SG0121";
    public const string DeclarationClash = "SG0122";
    public const string InvalidDeclaredKey = "SG0123";
    public const string InvalidDeclaredDefault = "SG0124";
    public const string InvalidDeclaredName = "SG0125";

    public const string ExpressionSyntax = "SG0201";
    public const string UnknownField = "SG0202";
    public const string UnknownName = "SG0203";
    public const string TypeMismatch = "SG0204";
    public const string UnknownEnumValue = "SG0205";
    public const string UnknownFunction = "SG0206";
    public const string ExpressionTooComplex = "SG0207";
    public const string InvalidDateLiteral = "SG0208";
    public const string EnumOrdering = "SG0209";
    public const string NotBoolean = "SG0210";

    // Issue 13: computed bindings, new functions, aggregates.
    public const string RegexError = "SG0220";
    public const string MethodCallSyntax = "SG0221";
    public const string LetError = "SG0320";
    public const string AggregateError = "SG0321";

    public const string DuplicateRuleId = "SG0301";
    public const string UnknownFactType = "SG0302";
    public const string DuplicateBinding = "SG0303";
    public const string BindingShadowsField = "SG0304";
    public const string InvalidElement = "SG0305";
    public const string CountNotTopLevel = "SG0306";
    public const string AnyBindingMismatch = "SG0307";
    public const string TemplateError = "SG0308";
    public const string InvalidInsert = "SG0309";
    public const string InvalidAction = "SG0310";
    public const string DerivedTypeNotAllowed = "SG0311";
    public const string NotSupportedInNativeBuild = "SG0312";

    public const string DuplicateFact = "SG0401";
    public const string MissingFactKey = "SG0402";
    public const string ReservedFactType = "SG0403";
    public const string TimelineError = "SG0404";
    public const string ExpectationError = "SG0405";

    public const string FiringLimit = "SG0501";
    public const string EvaluationFault = "SG0502";
    public const string InsertConflictsWithScenario = "SG0503";
    public const string Cancelled = "SG0504";

    public const string FactTypeRegistration = "SG0601";

    public const string UnderivedConclusion = "SG0701";
    public const string UnconsumedCondition = "SG0702";
    public const string UnusedBinding = "SG0703";
    public const string UnsatisfiableRule = "SG0704";
    public const string UnsatisfiableElement = "SG0705";
    public const string DuplicateConclusion = "SG0706";
    public const string DerivationCycle = "SG0707";
    public const string SelfDefeatingRule = "SG0708";
    public const string UnusedDeclaredType = "SG0709";

    // SG080x what-if: fact addresses, variants, suggestions, rule-change impact.
    public const string InvalidFactAddress = "SG0801";
    public const string UnknownAddressedFact = "SG0802";
    public const string UnknownAddressedField = "SG0803";
    public const string InvalidChangeValue = "SG0804";
    public const string TooManyVariants = "SG0805";
    public const string InvalidVariation = "SG0806";
    public const string BaseRulesUnavailable = "SG0807";
}
