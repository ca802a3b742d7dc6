namespace CrampKnowledge.Api.Data;

/// <summary>Keys of the vocabularies stored in the Vocabulary table.</summary>
public static class VocabularyNames
{
    public const string SourceKinds = "source-kind";
    public const string Urgencies = "urgency";
    public const string Certainties = "certainty";

    /// <summary>The category vocabulary of one record type, e.g. <c>category:cause</c>.</summary>
    public static string Categories(string recordType) => "category:" + recordType;
}
