import { describeMultiInstance } from './multiInstanceSuite.js';

describeMultiInstance('postgres');
