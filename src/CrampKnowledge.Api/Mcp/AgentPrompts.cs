using System.ComponentModel;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>Prompts an agent's user can pick: how to answer from this knowledge base and nothing else.</summary>
[McpServerPromptType]
public static class AgentPrompts
{
    [McpServerPrompt(Name = "answer_cramp_question", Title = "Answer a leg-cramp question from cited facts only")]
    [Description("Answer a question about leg or foot cramps using only the knowledge base's cited facts, and always surface red flags.")]
    public static ChatMessage AnswerCrampQuestion(
        [Description("The person's question, in their own words.")] string question) =>
        new(ChatRole.User,
            "Answer the question below about leg or foot muscle cramps using only the CrampKnowledge tools, and nothing you know from elsewhere.\n\n"
            + "1. Call " + KnowledgeTools.Search + " with the question. Open the records you use with " + KnowledgeTools.GetRecord
            + ", and " + KnowledgeTools.GetRelated + " for treatments, preventions or red flags of a cause.\n"
            + "2. If the person describes their own symptoms, call " + KnowledgeTools.CheckRedFlags + " with their words as `description`. "
            + "Show every match it returns, with how soon to see a doctor (`seeDoctor`) and the quote behind it. Never drop a red flag. "
            + "If `seeDoctor` is `unknown`, say the check could not assess some of what they said (`unassessed`, or `unrecognized` answers: ask about "
            + "those again with the suggestions) and pass on its `note`. "
            + "Never present `none` or no hits as an all-clear.\n"
            + "3. State each fact with the verbatim quote that supports it and the article it comes from. Keep the quote's hedging (\"may\", "
            + "\"often\"); do not say more than the quotes do. Do not connect two things unless a quote connects them.\n"
            + "4. Where the tools return nothing for part of the question (search's `unmatchedTerms`, empty lists), say the sources do not "
            + "cover it; do not guess.\n"
            + "5. End with the `disclaimer` the tools return, and advise seeing a doctor if any red flag applies or the person is worried.\n\n"
            + "Question: " + question);

    [McpServerPrompt(Name = "check_symptoms", Title = "Check someone's cramps for red flags")]
    [Description("Check what a person says about their cramps for red flags, and explain how soon to see a doctor, with the sources' words.")]
    public static ChatMessage CheckSymptoms(
        [Description("What the person says about their cramps, in their own words.")] string description) =>
        new(ChatRole.User,
            "Call " + KnowledgeTools.CheckRedFlags + " with the description below as `description` (add answers only if the person gave them). "
            + "Then tell the person, in plain words: how soon to see a doctor (`seeDoctor`), every matched red flag with the quote and article behind "
            + "it, and, if anything is in `unassessed`, that the check could not assess it, with its `note`. If you need more details, "
            + KnowledgeTools.ListRedFlagRules + " lists the questions the rules test. Never reassure beyond what the check says; end with the "
            + "`disclaimer`.\n\nDescription: " + description);
}
