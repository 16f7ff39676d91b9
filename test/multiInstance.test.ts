import { describeMultiInstance } from './multiInstanceSuite.js';

describeMultiInstance('sqlite');
