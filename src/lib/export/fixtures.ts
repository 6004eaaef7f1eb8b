/**
 * Small inline fixtures for the export tests: three paragraphs of the seed article and one
 * question of each type, with the characters formats must escape (GIFT's ~ = # { } : \\, XML's
 * < & ]]>, CSV's = + - @) in the places the bank lets them stand.
 */
import { checkBank, type LoadedArticle } from '../bank/check';
import { exportArticle } from './article';
import type { ExportInput } from './types';

export const FIXTURE_ARTICLE =
	'---\ntitle: "اختبار: السراج يلتقي قائد أفريكوم"\nlanguage: ar\ndirection: rtl\nsource: Dalil test fixture\ndate: 2020-06-22\nattribution: "Fixture text (AFP-style report, 2020) for tests; <b>&amp; ]]> = + @"\n---\n\nطرابلس: التقى فائز السراج رئيس حكومة الوفاق الوطني الليبية التي تعترف بها الأمم المتحدة الاثنين، قائد القيادة العسكرية الأميركية في أفريقيا الجنرال ستيفن تاونسند والسفير الأميركي لدى ليبيا ريتشارد نورلاند، وبحث معهما محاربة الإرهاب ووقف الأعمال العسكرية في البلاد.\n\nوقال المكتب الإعلامي لحكومة الوفاق الوطني في بيان "في إطار التشاور وبحث تطورات الأوضاع في ليبيا، اجتمع رئيس حكومة الوفاق الوطني فائز السراج اليوم مع قائد القيادة العسكرية الأميركية في إفريقيا (أفريكوم) الجنرال ستيفن تاونسند والسفير الأميركي لدى ليبيا ريتشارد نورلاند" في حضور كبار قادة العسكريين للحكومة ووزير الداخلية فتحي باشاغا.\n\nوعرض الاجتماع الذي عقد في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس "المستجدات العسكرية والأمنية في ليبيا، كما بحث التنسيق المشترك بين حكومة الوفاق وأفريكوم في محاربة الإرهاب وضرب فلوله في إطار التعاون الاستراتيجي بين طرابلس وواشنطن"، وفق البيان.\n';

export const FIXTURE_QUESTIONS = `questions:
  - id: single-where
    type: single
    paragraph: p3
    prompt: "أين عُقد الاجتماع؟ {a=b} #1 ~ \\\\ :"
    evidence: الاجتماع الذي عقد في مدينة زوارة
    answer: { text: زوارة, feedback: "أحسنت: زوارة" }
    distractors: ["=1+2", "@home", "-5 كلم", "a{b}c:d#e~f\\\\g", "]]> <b>&amp;"]
    explanation: "عقد الاجتماع في مدينة زوارة."
    skill: where
    difficulty: 1
    tags: [مكان, "a]b"]
  - id: multiple-who
    type: multiple
    paragraph: p1
    prompt: من التقى السراج؟
    evidence: قائد القيادة العسكرية الأميركية في أفريقيا الجنرال ستيفن تاونسند والسفير الأميركي لدى ليبيا ريتشارد نورلاند
    answer: [ستيفن تاونسند, ريتشارد نورلاند]
    distractors: [خليفة حفتر, فتحي باشاغا]
    explanation: التقى السراج تاونسند ونورلاند.
    skill: who
    difficulty: 2
    scoring: all-or-nothing
  - id: tf-false
    type: truefalse
    paragraph: p3
    prompt: عقد الاجتماع شرق طرابلس.
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: false
    correction: غرب طرابلس
    explanation: زوارة غرب طرابلس.
    skill: direction
    difficulty: 1
  - id: tf-true
    type: truefalse
    paragraph: p1
    prompt: الأمم المتحدة تعترف بحكومة الوفاق.
    evidence: حكومة الوفاق الوطني الليبية التي تعترف بها الأمم المتحدة
    answer: true
    explanation: كما في الفقرة الأولى.
    skill: what
    difficulty: 1
  - id: short-city
    type: short
    paragraph: p3
    prompt: في أي مدينة عقد الاجتماع؟
    evidence: الاجتماع الذي عقد في مدينة زوارة
    answer: زوارة
    accept: [Zuwara]
    explanation: زوارة.
    skill: where
    difficulty: 1
  - id: numeric-distance
    type: numeric
    paragraph: p3
    prompt: كم كيلومترًا تبعد زوارة عن طرابلس؟
    evidence: على مسافة 120 كلم غرب طرابلس
    answer: { value: 120, unit: كلم, tolerance: 2.5 }
    explanation: 120 كلم.
    skill: quantity
    difficulty: 2
  - id: cloze-one
    type: cloze
    paragraph: p3
    prompt: أكمل.
    evidence: في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس
    text: في مدينة [[زوارة|Zuwara]] الواقعة على مسافة 120 كلم
    explanation: زوارة.
    skill: where
    difficulty: 1
  - id: cloze-two
    type: cloze
    paragraph: p3
    prompt: أكمل الفراغين.
    evidence: في مدينة زوارة الواقعة على مسافة 120 كلم غرب طرابلس
    text: في مدينة [[زوارة]] الواقعة على مسافة [[120]] كلم [[غرب]] طرابلس
    explanation: زوارة، 120، غرب.
    skill: where
    difficulty: 2
  - id: matching-roles
    type: matching
    paragraph: p1
    prompt: صِل كل شخص بصفته.
    evidence: التقى فائز السراج رئيس حكومة الوفاق الوطني الليبية التي تعترف بها الأمم المتحدة الاثنين، قائد القيادة العسكرية الأميركية في أفريقيا الجنرال ستيفن تاونسند والسفير الأميركي لدى ليبيا ريتشارد نورلاند
    pairs:
      - { left: فائز السراج, right: رئيس حكومة الوفاق الوطني }
      - { left: ستيفن تاونسند, right: قائد القيادة العسكرية الأميركية في أفريقيا }
      - { left: ريتشارد نورلاند, right: السفير الأميركي لدى ليبيا }
    distractors: [وزير الداخلية]
    explanation: كما في الفقرة الأولى.
    skill: who
    difficulty: 2
  - id: ordering-steps
    type: ordering
    paragraph: p3
    prompt: رتّب كما وردت في النص.
    evidence: المستجدات العسكرية والأمنية في ليبيا، كما بحث التنسيق المشترك بين حكومة الوفاق وأفريكوم في محاربة الإرهاب
    items: [المستجدات العسكرية, التنسيق المشترك, محاربة الإرهاب]
    explanation: بهذا الترتيب.
    skill: what
    difficulty: 3
  - id: evidence-where
    type: evidence
    paragraph: p3
    prompt: أين يقول النص إن زوارة غرب طرابلس؟
    evidence: الواقعة على مسافة 120 كلم غرب طرابلس
    explanation: الجملة تحدد المسافة والاتجاه.
    skill: direction
    difficulty: 2
`;

/** The inline fixture, checked: one question of each type (two cloze, two true/false). */
export function fixtureInput(): ExportInput & { article: LoadedArticle } {
	const result = checkBank([
		{
			slug: 'fixture',
			article: { path: 'fixture/article.md', text: FIXTURE_ARTICLE },
			banks: [{ path: 'fixture/questions.yaml', text: FIXTURE_QUESTIONS }]
		}
	]);
	const article = result.articles[0];
	if (!article || article.failed.length) {
		throw new Error(
			'export fixture fails the bank check: ' +
				JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))
		);
	}
	return {
		article,
		questions: article.questions,
		articles: new Map([[article.slug, exportArticle(article)]])
	};
}

/** The plain text of an HTML fragment as Moodle shows it (for the GIFT and Moodle XML specs). */
export function plain(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}
