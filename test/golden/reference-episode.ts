/**
 * The episode of test/fixtures/real/reference/episode-overview-example.txt (a real overview written by
 * hand), rebuilt as Earmark data. The playback times are ours: the reference does not give
 * them, so they are chosen to keep its "Quotes" list in the order it has. Its bulleted notes
 * under "What are MLEs" are one tight list here, the quote after it: the overview puts a
 * section's quotes after its notes.
 */
import type { Episode, Quote } from '../../src/core/model';
import { makeQuote } from '../support/records';

const EPISODE_URL =
  'https://www.oreilly.com/radar/podcast/what-machine-learning-engineers-need-to-know/';
const STAMP = '2019-06-02T18:30:00.000Z';

export const referenceEpisode: Episode = {
  id: 'ep-oreilly-mle',
  url: EPISODE_URL,
  platform: 'generic',
  title: 'What Machine Learning Engineers need to Know',
  show: "O'Reilly Media",
  publishedAt: null,
  durationSec: null,
  feedUrl: null,
  imageUrl: null,
  participants: [
    { id: 'p-ben', name: 'Ben Lorica', role: 'host' },
    { id: 'p-paco', name: 'Paco Nathan', role: 'guest' },
    { id: 'p-jesse', name: 'Jesse Anderson', role: 'guest' },
  ],
  sections: [
    {
      id: 's-what',
      heading: 'What are MLEs',
      notes: [
        "There's no consensus as of now.",
        '',
        // Bullets as typed in the notes box; each second sentence indented under its bullet.
        '- Most people think of them as a hyper-specialized role, someone whose sole attribution is that of putting ML systems in production, therefore bridging the semantic gap between data scientists and data engineers.',
        "  The rationale is that they are needed because data scientists aren't suited for writing the systems side of products and data engineers lack the necessary skill to do that as well.",
        '- However, some people think of Machine Learning Engineers as a generalist role (much like Full-Stack Engineers in the world of Web Development), i.e. someone who knows enough about the whole data science pipeline to be able to get a working product out in the street.',
        '  In other words, someone who knows some data science, some data engineering and some general software engineering to be able to work on all parts of the product.',
      ].join('\n'),
    },
    {
      id: 's-domain',
      heading: 'Domain expertise',
      notes:
        "While the data scientist is the role that's closer to the actual business problems to be solved, Machine Learning Engineers are expected to be able to better translate business objectives to system engineers and programmers.",
    },
    {
      id: 's-uncertainty',
      heading: 'Role of uncertainty',
      notes: [
        "It's been said that engineers have, in general, difficulty with dealing with the ambiguity and uncertainty common in many businesses, above all those where data science permeates the decision-making process.",
        '',
        'Once again, MLEs are expected to bridge the gap between the precise definitions needed in systems engineering with softer and more abstract notions from the data science world (think likelihoods, confidence intervals and continuous distributions).',
      ].join('\n'),
    },
    {
      id: 's-maturity',
      heading: 'Pipeline maturity',
      notes: [
        'The question of whether MLEs are an actual needed role or not will probably depend a lot on what scale you are working at and how mature your data pipeline is.',
        '',
        "If you have a mature pipeline (e.g. model monitoring, automation, off-the-shelf feature stores, smooth and well-tested data engineering processes) then having an MLE (in the sense of someone who is just focused on operationalizing models) may make sense because there's actual demand for that specialized role.",
        '',
        'On the other hand, if you work at a small startup, it probably is overkill to have someone focused on just productionizing ML systems (unless you think of MLEs as generalist engineers), and it hints at a dysfunctional team.',
      ].join('\n'),
    },
  ],
  summary: [
    "You may have noticed job ads regarding a position called Machine Learning Engineer (MLE). You may have wondered what it is; this is a new term so there's a bit of confusion around it.",
    '',
    "In this episode, Ben Lorica interviewed two people on this topic. They discussed whether it's actually a thing or just a fad and in which cases it makes sense to hire (or be) a Machine Learning Engineer.",
  ].join('\n'),
  twoCents:
    'I would add that building tools (be it shell scripts, command-line applications or web apps) is also a very important part of data science work in general and MLEs could be just the role to help with that.',
  references: [
    { title: "O'Reilly Media: What Machine Learning Engineers need to Know", url: EPISODE_URL },
  ],
  tags: ['podcast', 'machine-learning'],
  createdAt: STAMP,
  updatedAt: STAMP,
};

function quote(
  id: string,
  order: number,
  speakerId: string,
  sectionId: string | null,
  timeSec: number,
  text: string,
): Quote {
  return makeQuote(id, referenceEpisode.id, {
    text,
    speakerId,
    sectionId,
    timeSec,
    order,
    createdAt: STAMP,
    updatedAt: STAMP,
  });
}

/** In capture order; the overview sorts them by time. */
export const referenceQuotes: Quote[] = [
  quote(
    'q-uncertainty',
    0,
    'p-paco',
    's-uncertainty',
    1565,
    "If you just have pure risk, you buy insurance. But uncertainty is where you're going to find the upside.",
  ),
  quote(
    'q-mle',
    1,
    'p-ben',
    's-what',
    250,
    'I see a Machine Learning Engineer as someone who knows enough machine learning to get a product out; but they still need help from a data scientist for fine-tuning.',
  ),
  quote(
    'q-batch',
    2,
    'p-jesse',
    null,
    750,
    'First make your batch processes solid, then move into streaming data.',
  ),
  quote(
    'q-feature-store',
    3,
    'p-paco',
    's-maturity',
    1125,
    "The scramble to get to the point of having a feature store; that's the game. Until you get to that point, your models are very ad hoc.",
  ),
];
